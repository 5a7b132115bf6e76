package org.chainwise.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chainwise.migrations.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @Test
    void micronautDatasourceSettingsNameTheServerAndItsCredentials() {
        var settings = new DatabaseSettings("jdbc:postgresql://db:5432/chainwise", "ana", "s3cret", null);

        assertThat(settings.configured()).contains(new DatabaseSettings.Configured("datasources.default.url",
                new DatabaseUrl("jdbc:postgresql://db:5432/chainwise", "ana", "s3cret")));
    }

    @Test
    void aDatasourceUsernameOverridesTheOneInAPostgresUrl() {
        var settings = new DatabaseSettings("postgres://url_user:url_pass@db/chainwise", "ana", null, null);

        assertThat(settings.configured()).get().extracting(DatabaseSettings.Configured::url)
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db/chainwise", "ana", "url_pass"));
    }

    @Test
    void aServerOlderThanPostgresql15IsRefusedNamingTheSettingAndTheVersion() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db:5432/chainwise", "ana", "s3cret");

        assertThatThrownBy(() -> DatabaseStartup.requireSupported("DATABASE_URL", url, 14, "14.12"))
                .isInstanceOf(DatabaseSettingException.class)
                .hasMessageStartingWith("DATABASE_URL (")
                .hasMessageContaining("PostgreSQL 14.12 is too old: Chainwise needs 15 or newer.")
                .hasMessageNotContaining("s3cret");
        DatabaseStartup.requireSupported("DATABASE_URL", url, 15, "15.0");
        DatabaseStartup.requireSupported("DATABASE_URL", url, 17, "17.5");
    }

    @Test
    void anUnparseableDatasourceUrlNamesTheSetting() {
        var settings = new DatabaseSettings("mysql://db/chainwise", null, null, null);

        assertThatThrownBy(settings::configured)
                .isInstanceOf(DatabaseSettingException.class)
                .hasMessageStartingWith("datasources.default.url is not a PostgreSQL URL");
    }

    @Test
    void theEmbeddedServerKeepsItsDataUnderTheHomeDirectoryUnlessTold() {
        assertThat(new DatabaseSettings(null, null, null, "").dataDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".chainwise"));
        assertThat(new DatabaseSettings(null, null, null, "/srv/chainwise").dataDirectory())
                .isEqualTo(Path.of("/srv/chainwise"));
    }

    @Test
    void aDataDirectoryThatCannotHoldAClusterNamesTheSetting(@TempDir Path temp) throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("file"), "not a directory");

        assertThatThrownBy(() -> EmbeddedDatabase.start(notADirectory))
                .isInstanceOf(DatabaseSettingException.class)
                .hasMessageStartingWith("CHAINWISE_DATA_DIR (" + notADirectory + "): cannot start the embedded PostgreSQL there: ");
    }
}
