package org.chainwise.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgres://ana:s3cret@db.example:5433/chainwise                  | jdbc:postgresql://db.example:5433/chainwise                  | ana | s3cret
            postgresql://ana:p%40ss+word@db.example/chainwise?sslmode=require | jdbc:postgresql://db.example/chainwise?sslmode=require      | ana | p@ss+word
            postgres://ana@localhost:5432/chainwise                           | jdbc:postgresql://localhost:5432/chainwise                   | ana |
            jdbc:postgresql://localhost:5432/chainwise?user=ana               | jdbc:postgresql://localhost:5432/chainwise?user=ana          |     |
            """)
    void parsesBothForms(String text, String jdbcUrl, String user, String password) {
        DatabaseUrl url = DatabaseUrl.parse(text);

        assertThat(url.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(url.user()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mysql://ana:s3cret@db/chainwise", "postgres://ana:s3cret@/chainwise",
            "postgres://ana:s3cret@db.example:5432/", "postgres://ana:s3cret@db example/chainwise", "s3cret"})
    void rejectsAnythingElseWithoutEchoingThePassword(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse(text))
                .withMessageContaining("expected postgres://")
                .withMessageNotContaining("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://ana:s3cret@db.example:5433/chainwise?password=s3cret"})
    void describesWithoutThePassword(String text) {
        assertThat(DatabaseUrl.parse(text).describe())
                .isEqualTo("jdbc:postgresql://db.example:5433/chainwise as ana")
                .doesNotContain("s3cret");
        assertThat(DatabaseUrl.parse(text).toString()).doesNotContain("s3cret");
    }
}
