import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;

/**
 * Build step of the migrations module: migrates a throw-away embedded PostgreSQL with the
 * project's Flyway migrations and generates the jOOQ classes from the resulting schema.
 *
 * <p>Usage: {@code java -cp <test classpath> GenerateJooq.java <migration dir> <output dir>}.
 * The source launcher gives a program no reliable path to its own file, so it finds itself
 * relative to the migration directory ({@code src/main/resources/db/migration}).
 * Skips all work when neither the migrations nor this program changed since the last run,
 * because starting PostgreSQL costs seconds on every build.
 */
public class GenerateJooq {

    private static final String PACKAGE = "org.chainwise.migrations.jooq";
    private static final String FINGERPRINT_FILE = ".migrations-fingerprint";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path self = migrations.resolve("../../../../build/GenerateJooq.java").normalize();
        String fingerprint = fingerprint(migrations, self);
        Path fingerprintFile = output.resolve(FINGERPRINT_FILE);
        if (Files.exists(fingerprintFile) && Files.readString(fingerprintFile).equals(fingerprint)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        deleteRecursively(output);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withLogging(Logging.WARN)
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    // Unqualified names, so the classes work in whatever schema is on the search_path.
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_.*"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withGeneratedAnnotation(false)
                                    .withComments(true))
                            .withTarget(new Target()
                                    .withPackageName(PACKAGE)
                                    .withDirectory(output.toAbsolutePath().toString()))));
        }
        Files.writeString(fingerprintFile, fingerprint);
    }

    /** A digest of every migration file's name and content and of this program. */
    private static String fingerprint(Path migrations, Path self) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : Stream.concat(files.stream(), Stream.of(self)).toList()) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        digest.update(org.jooq.Constants.VERSION.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
