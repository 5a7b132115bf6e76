package org.chainwise.bank.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.PracticeSet;
import org.chainwise.bank.item.Item;

/**
 * Entry point of {@code chainwise-bank.jar}: {@code sample} writes verified items as JSON Lines,
 * {@code bench} times drawing verified items.
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar chainwise-bank.jar sample [--family NAME|all] [--count N] [--seed S]
                   java -jar chainwise-bank.jar bench [--count N] [--seed S]
                   java -jar chainwise-bank.jar families""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options;
        try {
            options = options(args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ItemBank bank = ItemBank.standard();
        try {
            return switch (args.getFirst()) {
                case "sample" -> sample(bank, options, out);
                case "bench" -> bench(bank, options, out);
                case "families" -> {
                    bank.familyNames().forEach(name -> out.println(name + "\t" + bank.family(name).type()));
                    yield 0;
                }
                default -> {
                    err.println("unknown command '" + args.getFirst() + "'");
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int sample(ItemBank bank, Map<String, String> options, PrintStream out) throws IllegalArgumentException {
        PracticeSet set = PracticeSet.draw(bank, families(bank, options), seed(options), count(options, 10));
        ObjectMapper json = new ObjectMapper();
        for (Item item : set.items()) {
            try {
                out.println(json.writeValueAsString(ItemLine.of(item)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("an item line could not be written", e);
            }
        }
        return 0;
    }

    /**
     * Times drawing {@code count} verified items, the families taken in turn with their default
     * parameters: first single draws (every candidate generated and verified, failures redrawn), then
     * one practice set of {@code count} distinct variants. A short warm-up run comes first.
     */
    private static int bench(ItemBank bank, Map<String, String> options, PrintStream out) {
        int count = count(options, 10_000);
        long seed = seed(options);
        List<String> all = bank.familyNames();
        drawEach(bank, all, seed + 1_000_000, Math.min(count, 2_000));
        // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long candidates = drawEach(bank, all, seed, count);
        out.printf("draw: %d verified items (%d candidates) from %d families in %.2f s wall, %.2f s CPU%n",
                count, candidates, all.size(), (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        start = System.nanoTime();
        cpuStart = threads.getCurrentThreadCpuTime();
        PracticeSet set = PracticeSet.draw(bank, all, seed, count);
        out.printf("practice set: %d distinct verified items in %.2f s wall, %.2f s CPU%n",
                set.items().size(), (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        return 0;
    }

    /** Draws {@code count} items, the families in turn; returns how many candidates that took. */
    private static long drawEach(ItemBank bank, List<String> families, long seed, int count) {
        long candidates = 0;
        for (int i = 0; i < count; i++) {
            long from = seed + i / families.size();
            Item item = bank.draw(families.get(i % families.size()), from);
            candidates += item.seed() - from + 1;
        }
        return candidates;
    }

    private static List<String> families(ItemBank bank, Map<String, String> options) {
        String family = options.getOrDefault("family", "all");
        return family.equals("all") ? bank.familyNames() : List.of(bank.family(family).name());
    }

    private static long seed(Map<String, String> options) {
        return parse(options, "seed", 1);
    }

    private static int count(Map<String, String> options, int otherwise) {
        long count = parse(options, "count", otherwise);
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("--count is 1 to 1000000, got " + count);
        }
        return (int) count;
    }

    private static long parse(Map<String, String> options, String name, long otherwise) {
        String value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value, got '" + name + "'");
            }
            options.put(name.substring(2), args.get(i + 1));
        }
        return options;
    }
}
