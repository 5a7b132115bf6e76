package org.chainwise.engine.mastery.sim;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.chainwise.engine.cli.Command;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.AdaptivePolicy;
import org.chainwise.engine.mastery.Attempt;
import org.chainwise.engine.mastery.Candidate;
import org.chainwise.engine.mastery.MisconceptionSkills;
import org.chainwise.engine.mastery.ModelParameters;
import org.chainwise.engine.mastery.Selection;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.engine.mastery.StudentModel;
import org.chainwise.engine.mastery.StudentState;

/**
 * {@code bench-select --variants 10000 --selections 20000 --seed 1}: times the adaptive policy's choice
 * of the next item from a bank of that many variants, for students part-way through practice (a tenth
 * of them with a misconception believed held, which adds the remediation pass), and prints the
 * wall-clock and thread-CPU latency percentiles as one JSON object.
 */
public final class BenchSelectCommand implements Command {

    private static final Map<String, String> DEFAULTS = Map.of(
            "variants", "10000", "selections", "20000", "warmup", "20000", "seed", "1");

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(arguments, DEFAULTS);
        } catch (IllegalArgumentException e) {
            err.println("bench-select: " + e.getMessage());
            return 2;
        }
        SplittableRandom random = new SplittableRandom(options.number("seed"));
        List<Candidate> bank = bank(options.integer("variants"), random);
        StudentModel model = new StudentModel(ModelParameters.DEFAULT);
        AdaptivePolicy policy = new AdaptivePolicy(model, options.number("seed"));
        List<StudentState> students = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            students.add(midway(model, policy, bank, random, s % 10 == 0));
        }
        long checksum = 0;
        int served = 0;
        for (int i = 0; i < options.integer("warmup"); i++) {
            checksum += policy.next(students.get(i % students.size()), bank).hashCode();
        }
        int selections = options.integer("selections");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[selections];
        long[] cpuNanos = new long[selections];
        for (int i = 0; i < selections; i++) {
            StudentState state = students.get(i % students.size());
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Selection next = policy.next(state, bank);
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            checksum += next.hashCode();
            served += next instanceof Selection.Serve ? 1 : 0;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("variants", bank.size());
        json.put("selections", selections);
        json.put("servedFraction", served / (double) selections);
        json.put("p50Ms", percentile(nanos, 0.50));
        json.put("p99Ms", percentile(nanos, 0.99));
        json.put("maxMs", nanos[nanos.length - 1] / 1e6);
        // CPU time of the selecting thread: the wall-clock figures include time the scheduler gave to other processes.
        json.put("cpuP50Ms", percentile(cpuNanos, 0.50));
        json.put("cpuP99Ms", percentile(cpuNanos, 0.99));
        json.put("checksum", checksum);
        out.println(Json.object(json));
        return 0;
    }

    /** A bank of {@code variants} items in families of 50 over all skills, one in ten with two skills, contrast families remediating. */
    static List<Candidate> bank(int variants, SplittableRandom random) {
        Skill[] skills = Skill.values();
        List<Candidate> items = new ArrayList<>(variants);
        for (int i = 0; i < variants; i++) {
            int family = i / 50;
            Skill skill = skills[family % skills.length];
            Set<Skill> itemSkills = family % 10 == 9 && skill.ordinal() > 0
                    ? Set.of(skill, skills[skill.ordinal() - 1]) : Set.of(skill);
            Set<Misconception> remediates = family % 4 == 3 ? MisconceptionSkills.undermining(skill) : Set.of();
            items.add(new Candidate("v" + i, "family" + family, itemSkills, remediates, (family % 5) / 4.0));
        }
        return List.copyOf(items);
    }

    private static StudentState midway(StudentModel model, AdaptivePolicy policy, List<Candidate> bank,
            SplittableRandom random, boolean misconception) {
        StudentState state = model.start();
        int attempts = 10 + random.nextInt(30);
        for (int i = 0; i < attempts && policy.next(state, bank) instanceof Selection.Serve serve; i++) {
            state = model.update(state, random.nextDouble() < 0.6 ? Attempt.right(serve.item()) : Attempt.wrong(serve.item()));
        }
        if (misconception) {
            Candidate item = new Candidate("probe", "probe", Set.of(Skill.EVALUATE_AT_INNER), Set.of(), 0.5);
            state = model.update(model.update(state, Attempt.wrong(item, Misconception.OUTER_AT_X)),
                    Attempt.wrong(item, Misconception.OUTER_AT_X));
        }
        return state;
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String summary() {
        return "time the adaptive choice of the next item: --variants 10000 --selections 20000 --seed 1";
    }
}
