package org.chainwise.engine.mastery.sim;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chainwise.engine.cli.Command;

/**
 * {@code simulate --students N --model bkt|pfa|elo --policy adaptive|fixed|streak3 --seed S}: runs a
 * {@link Simulation} and prints its report as one JSON object.
 */
public final class SimulateCommand implements Command {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("students", "1000"),
            Map.entry("model", "bkt"),
            Map.entry("policy", "adaptive"),
            Map.entry("seed", "1"),
            Map.entry("calibration", "300"),
            Map.entry("calibration-per-skill", "20"),
            Map.entry("budget", "1000"),
            Map.entry("fixed-per-skill", "10"),
            Map.entry("fixed-review", "0"),
            Map.entry("variants", "bank"),
            Map.entry("skills", "one"));

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        Simulation simulation;
        try {
            Options options = Options.parse(arguments, DEFAULTS);
            simulation = new Simulation(Population.named(options.text("model")), options.text("policy"),
                    options.integer("students"), options.number("seed"), options.integer("calibration"),
                    options.integer("calibration-per-skill"),
                    options.integer("budget"), options.integer("fixed-per-skill"), options.integer("fixed-review"),
                    options.text("variants").equals("bank") ? Simulation.QUESTION_BANK_SIZE : options.integer("variants"),
                    combined(options.text("skills")));
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        }
        Simulation.Report report = simulation.run();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", simulation.population().name().toLowerCase(Locale.ROOT));
        json.put("policy", simulation.policy());
        json.put("students", report.students());
        json.put("seed", simulation.seed());
        json.put("studentsMastered", report.studentsMastered());
        json.put("studentsTrulyMastered", report.studentsTrulyMastered());
        json.put("medianItemsToMastery", report.medianItemsToMastery());
        json.put("meanItems", report.meanItems());
        json.put("falseMasteryRate", report.falseMasteryRate());
        json.put("auc", report.auc());
        json.put("oracleAuc", report.oracleAuc());
        json.put("responses", report.responses());
        json.put("skills", simulation.combinedSkills() ? "combined" : "one");
        json.put("calibrationStudents", simulation.calibrationStudents());
        json.put("calibrationPerSkill", simulation.calibrationPerSkill());
        json.put("calibrationIterations", report.calibrationIterations());
        json.put("fittedFamilies", report.fittedFamilies());
        json.put("logistic", report.logistic());
        if (!report.recoveryError().isEmpty()) {
            json.put("recoveryError", report.recoveryError());
        }
        out.println(Json.object(json));
        return 0;
    }

    private static boolean combined(String skills) {
        return switch (skills) {
            case "one" -> false;
            case "combined" -> true;
            default -> throw new IllegalArgumentException("--skills is 'one' (every item one skill) or 'combined'"
                    + " (the question bank's combinations of skills), got '" + skills + "'");
        };
    }

    @Override
    public String summary() {
        return "simulate students under a policy: --students N --model bkt|pfa|elo --policy adaptive|fixed|streak3 --seed S"
                + " [--fixed-per-skill N --fixed-review R --budget B --variants V|bank --skills one|combined --calibration C]"
                + " (--variants bank, the default: per skill as many variants as the question bank has;"
                + " --skills combined: items exercise the question bank's combinations of skills)";
    }
}
