package org.chainwise.reports.bench;

/**
 * What the generator writes: {@code students} learners in courses of {@code courseSize} (the last
 * one takes the remainder), {@code attempts} attempts in all over {@code weeks} weeks ending on
 * {@code lastDay}, reproducible from {@code seed}.
 */
record Shape(int students, long attempts, int courseSize, int weeks, java.time.LocalDate lastDay, long seed) {

    Shape {
        if (students < 1 || courseSize < 1 || attempts < 0 || weeks < 1) {
            throw new IllegalArgumentException("students, course size and weeks must be at least 1, attempts at least 0");
        }
    }

    int courses() {
        return (students + courseSize - 1) / courseSize;
    }
}
