package org.chainwise.bank.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefectsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1*x*cos(x^2)          | coefficient 1
            cos(x)*1              | factor 1
            x^1 + 2               | exponent 1
            sin(x)^(1)            | exponent 1
            x^0                   | exponent 0
            sin(0*x)              | factor 0
            sin(x) + 0            | term 0
            cos(x)/1              | divided by 1
            x + -2                | doubled sign
            --x                   | doubled sign
            1/(2*sqrt(x)^2)       | square of a square root
            123456*x              | large number
            """)
    void namesWhatATeacherWouldNotWrite(String printed, String defect) {
        assertThat(Defects.in(printed)).contains(defect);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2*x*cos(x^2)", "21*x^10", "(x + 1)^(1/3)", "2^(1 - x)", "1/(2*sqrt(x))",
        "cos(x)/(1 + sin(x))", "3*sqrt(2*x - 2)/2", "e^(3*x - 1)", "-x^2 + 10", "0.5*x"})
    void passesWhatATeacherWrites(String printed) {
        assertThat(Defects.in(printed)).isEmpty();
    }
}
