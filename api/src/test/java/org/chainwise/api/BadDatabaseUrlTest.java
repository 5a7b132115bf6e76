package org.chainwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chainwise.migrations.DatabaseUrl;
import org.chainwise.migrations.TestPostgres;
import org.junit.jupiter.api.Test;

/** Starts the application as its own process, as an operator would, with a DATABASE_URL that cannot work. */
class BadDatabaseUrlTest {

    @Test
    void anUnparseableUrlIsOneLineNamingTheSetting() throws Exception {
        Outcome outcome = run("postgres//chainwise:s3cret@localhost/chainwise");

        assertThat(outcome.exitCode()).isEqualTo(Launcher.BAD_DATABASE_SETTING);
        assertThat(outcome.output()).as("nothing on standard output, no ready line").isBlank();
        assertThat(outcome.errorLines()).singleElement().asString()
                .startsWith("chainwise: DATABASE_URL is not a PostgreSQL URL; expected postgres://")
                .doesNotContain("s3cret");
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheSetting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Outcome outcome = run("postgres://chainwise:s3cret@127.0.0.1:" + closedPort + "/chainwise");

        assertThat(outcome.exitCode()).isEqualTo(Launcher.BAD_DATABASE_SETTING);
        assertThat(outcome.output()).as("nothing on standard output, no ready line").isBlank();
        assertThat(outcome.errorLines()).singleElement().asString()
                .startsWith("chainwise: DATABASE_URL (jdbc:postgresql://127.0.0.1:" + closedPort + "/chainwise as chainwise): cannot connect: ")
                .contains("refused")
                .doesNotContain("s3cret");
    }

    @Test
    void credentialsTheServerRefusesAreOneLineNamingTheSetting() throws Exception {
        DatabaseUrl server = TestPostgres.freshSchema();
        String jdbcUrl = server.jdbcUrl().replaceFirst("\\?.*$", "");
        String url = jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgres://nobody_here:s3cret@");

        Outcome outcome = run(url);

        assertThat(outcome.exitCode()).isEqualTo(Launcher.BAD_DATABASE_SETTING);
        assertThat(outcome.output()).as("nothing on standard output, no ready line").isBlank();
        assertThat(outcome.errorLines()).singleElement().asString()
                .startsWith("chainwise: DATABASE_URL (" + jdbcUrl + " as nobody_here): cannot connect: ")
                .contains("nobody_here")
                .doesNotContain("s3cret");
    }

    private record Outcome(int exitCode, List<String> errorLines, String output) {
    }

    private static Outcome run(String databaseUrl) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(),
                // What the jar's manifest grants when started with java -jar.
                "--enable-native-access=ALL-UNNAMED",
                "-Dmicronaut.server.port=-1",
                "-cp", System.getProperty("java.class.path"),
                Application.class.getName());
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().put("DATABASE_URL", databaseUrl);
        // Files, not pipes: an application that wrongly starts keeps running and must not hang the test.
        Path output = Files.createTempFile("chainwise-out", ".txt");
        Path errors = Files.createTempFile("chainwise-err", ".txt");
        Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the application did not exit; its output:\n" + Files.readString(errors));
            }
            return new Outcome(process.exitValue(),
                    Files.readString(errors).lines().filter(line -> !line.isBlank()).toList(),
                    Files.readString(output));
        } finally {
            Files.delete(output);
            Files.delete(errors);
        }
    }
}
