package org.chainwise.engine.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Grade;
import org.chainwise.engine.check.Grader;

/**
 * {@code bench [rounds]}: grades a fixed, varied set of answers (correct ones Symja must confirm,
 * equivalent rewrites, each misconception, near misses, invalid and hostile input) and prints per-answer
 * latency (median, p99, max) and answers per second, on one thread and on every core. Symja is warmed
 * and each answer graded once before anything is measured; the first-sight latencies (each answer's
 * Symja call included) and the latencies of a warm JVM with empty caches (every item and answer new)
 * are printed separately from the warm figures, where repeated answers hit the caches.
 */
final class BenchCommand implements Command {

    private static final int DEFAULT_ROUNDS = 400;
    private static final int MAX_ROUNDS = 100_000;
    private static final int WARM_ROUNDS = 100;
    /** Rounds with a fresh grader each: a warm JVM meeting every item and answer for the first time. */
    private static final int COLD_CACHE_ROUNDS = 30;

    /** Function, variable, answer. */
    record Case(String function, String variable, String answer) {
    }

    static final List<Case> CASES = List.of(
            // correct, in the form taught and in rewrites only Symja can confirm
            new Case("sin(x^2)", "x", "2x cos(x^2)"),
            new Case("sin(x^2)", "x", "cos(x²)·2x"),
            new Case("(3x+1)^2", "x", "6(3x+1)"),
            new Case("(3x+1)^2", "x", "18x+6"),
            new Case("e^(2x)", "x", "2e^(2x)"),
            new Case("e^(2x)", "x", "2 exp(x) exp(x)"),
            new Case("sin(x)^3", "x", "3 sin(x)^2 cos(x)"),
            new Case("sin(x)^3", "x", "3(1-cos(x)^2)cos(x)"),
            new Case("sin(cos(x))", "x", "-sin(x) cos(cos(x))"),
            new Case("sin((3x+1)^2)", "x", "6(3x+1)cos((3x+1)^2)"),
            new Case("sin((3x+1)^2)", "x", "(18x+6)cos(9x^2+6x+1)"),
            new Case("e^(sin(x^2))", "x", "2x cos(x^2) e^(sin(x^2))"),
            new Case("tan(x^2)", "x", "2x/cos(x^2)^2"),
            new Case("tan(x^2)", "x", "2x(1+tan(x^2)^2)"),
            new Case("sqrt(3x+1)", "x", "3/(2sqrt(3x+1))"),
            new Case("sqrt(3x+1)", "x", "3/2 (3x+1)^(-1/2)"),
            new Case("ln(cos(x^2))", "x", "-2x sin(x^2)/cos(x^2)"),
            new Case("sin(ln(x^2))", "x", "2cos(2ln(x))/x"),
            // each misconception
            new Case("sin(x^2)", "x", "cos(x)·2x"),
            new Case("sin(x^2)", "x", "cos(x^2)"),
            new Case("sin(x^2)", "x", "cos(2x)"),
            new Case("sin(x^2)", "x", "cos(x) x^2 + 2x sin(x)"),
            new Case("sin(x^2)", "x", "cos(x^2) + 2x"),
            new Case("sin(x^2)", "x", "2 sin(x) cos(x)"),
            new Case("sin(x^2)", "x", "-cos(x^2)·2x"),
            new Case("sin((3x+1)^2)", "x", "2(3x+1)cos((3x+1)^2)"),
            new Case("e^(2x)", "x", "2x e^(2x-1)"),
            // near misses
            new Case("sin(x^2)", "x", "x cos(x^2)"),
            new Case("(3x+1)^2", "x", "6(3x+1)^2"),
            new Case("sin(x)^3", "x", "3 sin(x)^3 cos(x)"),
            // invalid and hostile
            new Case("sin(x^2)", "x", "2x cos(x^2"),
            new Case("sin(x^2)", "x", "Quit()"),
            new Case("sin(x^2)", "x", "D(x^2,x)"),
            new Case("sin(x^2)", "x", "2y cos(y^2)"),
            new Case("sin(x^2)", "x", "sine(x^2)"));

    @Override
    public String summary() {
        return "benchmark the grader: latency per answer and answers per second, one thread and all cores";
    }

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) throws Exception {
        OptionalInt parsed = rounds(arguments);
        if (parsed.isEmpty()) {
            err.printf("bench: the only argument is the number of rounds, 1 to %,d (default %d); got %s%n",
                    MAX_ROUNDS, DEFAULT_ROUNDS, arguments);
            return 2;
        }
        int rounds = parsed.getAsInt();
        long warmStart = System.nanoTime();
        SymjaEquivalence.warmUp();
        out.printf("Symja warm-up: %.0f ms%n", (System.nanoTime() - warmStart) / 1e6);

        Grader grader = GradeCommand.standardGrader();
        for (Case c : CASES) {
            grader.grade(c.function(), c.variable(), "");
        }
        long[] firstSight = new long[CASES.size()];
        Map<String, Integer> mix = new TreeMap<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            long start = System.nanoTime();
            Grade grade = grader.grade(c.function(), c.variable(), c.answer());
            firstSight[i] = System.nanoTime() - start;
            mix.merge(grade.verdict().wireName() + grade.outcome().map(outcome -> " " + outcome).orElse(""), 1, Integer::sum);
        }
        out.printf("%d answers (%d functions), %d rounds; mix: %s%n", CASES.size(),
                CASES.stream().map(Case::function).distinct().count(), rounds, mix);
        report(out, "first sight, Symja called", firstSight, 0);

        // A warm JVM but empty caches: what a new item and a new way of writing an answer cost,
        // per-item set-up (derivative, sample points, diagnoser) and the Symja confirmation included.
        long[] coldCaches = new long[COLD_CACHE_ROUNDS * CASES.size()];
        for (int round = 0; round < COLD_CACHE_ROUNDS; round++) {
            Grader fresh = GradeCommand.standardGrader();
            for (int i = 0; i < CASES.size(); i++) {
                coldCaches[round * CASES.size() + i] = timed(fresh, CASES.get(i));
            }
        }
        report(out, "warm JVM, empty caches", coldCaches, 0);

        for (int round = 0; round < WARM_ROUNDS; round++) {
            gradeAll(grader);
        }
        long start = System.nanoTime();
        long[] single = new long[rounds * CASES.size()];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < CASES.size(); i++) {
                single[round * CASES.size() + i] = timed(grader, CASES.get(i));
            }
        }
        report(out, "warm, 1 thread", single, System.nanoTime() - start);

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            long parallelStart = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    long[] latencies = new long[rounds * CASES.size()];
                    for (int round = 0; round < rounds; round++) {
                        for (int i = 0; i < CASES.size(); i++) {
                            latencies[round * CASES.size() + i] = timed(grader, CASES.get(i));
                        }
                    }
                    return latencies;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> part : parts) {
                all.add(part.get());
            }
            long elapsed = System.nanoTime() - parallelStart;
            report(out, "warm, " + threads + " threads", all.stream().flatMapToLong(Arrays::stream).toArray(), elapsed);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** The number of rounds the arguments ask for, or empty when they are not one number in range. */
    static OptionalInt rounds(List<String> arguments) {
        if (arguments.isEmpty()) {
            return OptionalInt.of(DEFAULT_ROUNDS);
        }
        if (arguments.size() > 1 || !arguments.getFirst().matches("[0-9]{1,6}")) {
            return OptionalInt.empty();
        }
        int rounds = Integer.parseInt(arguments.getFirst());
        return rounds >= 1 && rounds <= MAX_ROUNDS ? OptionalInt.of(rounds) : OptionalInt.empty();
    }

    private static void gradeAll(Grader grader) {
        for (Case c : CASES) {
            grader.grade(c.function(), c.variable(), c.answer());
        }
    }

    private static long timed(Grader grader, Case c) {
        long start = System.nanoTime();
        grader.grade(c.function(), c.variable(), c.answer());
        return System.nanoTime() - start;
    }

    private static void report(PrintStream out, String label, long[] latencies, long elapsedNanos) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        String throughput = elapsedNanos > 0 ? String.format("  %,.0f answers/s", latencies.length / (elapsedNanos / 1e9)) : "";
        out.printf("%-26s median %7.3f ms  p99 %7.3f ms  max %8.3f ms%s%n", label,
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6, throughput);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
