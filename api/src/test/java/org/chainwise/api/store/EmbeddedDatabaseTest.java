package org.chainwise.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.chainwise.migrations.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void theEmbeddedServerRunsDurableWithTheSettingsChainwiseChose(@TempDir Path data) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data)) {
            DatabaseUrl url = database.url();
            Map<String, String> running = new HashMap<>();
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                    PreparedStatement read = c.prepareStatement("SELECT current_setting(?)")) {
                for (String name : EmbeddedPostgresSettings.SETTINGS.keySet()) {
                    read.setString(1, name);
                    try (ResultSet row = read.executeQuery()) {
                        row.next();
                        running.put(name, row.getString(1));
                    }
                }
            }

            assertThat(running).isEqualTo(EmbeddedPostgresSettings.SETTINGS)
                    .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
        }
    }
}
