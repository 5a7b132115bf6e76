package org.chainwise.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.chainwise.engine.mastery.Skill;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain             | plain
            2x cos(x^2)       | 2x cos(x^2)
            a,b               | `"a,b"`
            =1+2              | '=1+2
            +cmd              | '+cmd
            -sin(x)           | '-sin(x)
            @SUM(A1)          | '@SUM(A1)
            """)
    void quotesAndGuardsFields(String value, String written) {
        assertThat(Csv.field(value)).isEqualTo(written);
    }

    @Test
    void quotesLineBreaksAndQuotesAndGuardsATabOrCrLead() {
        assertThat(Csv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(Csv.field("\tx")).isEqualTo("'\tx");
        assertThat(Csv.field("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
    }

    @Test
    void studentRowsAreOnePerLearnerAndSkill() {
        StringWriter out = new StringWriter();

        CsvReport.students(SampleReport.report(), out);

        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(String.join(",", CsvReport.STUDENT_COLUMNS));
        assertThat(lines).hasSize(1 + 2 * Skill.values().length + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(Arrays.stream(lines)).anyMatch(line ->
                line.equals("5,1,\"Ana <b>\"\"Bold\"\"</b> & co\",sub-ana,INNER_FACTOR,0.97,true,4,6,3,OUTER_AT_X"));
        assertThat(Arrays.stream(lines)).anyMatch(line -> line.equals("5,2,Dan,sub-dan,DECOMPOSE,,false,0,0,0,"));
    }

    @Test
    void attemptRowsGuardTheRawAnswerAndListTheDiagnoses() {
        StringWriter out = new StringWriter();

        var sink = CsvReport.attempts(out);
        SampleReport.attempts().forEach(sink);

        String csv = out.toString();
        assertThat(csv).startsWith(String.join(",", CsvReport.ATTEMPT_COLUMNS) + "\r\n");
        assertThat(csv).contains(",incorrect,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",cos(x)*2*x,OUTER_AT_X@1;OTHER,0\r\n");
        assertThat(csv).contains(",correct,\"2x cos(x^2),\nline two\",2*x*cos(x^2),,1\r\n");
        assertThat(csv).contains("11,1,");
        assertThat(csv).contains(",2026-11-10T12:00:00Z,chain.trig,sin(x^2),");
    }
}
