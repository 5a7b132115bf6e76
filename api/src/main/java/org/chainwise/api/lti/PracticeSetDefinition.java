package org.chainwise.api.lti;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a practice set placed through LTI practises and when it is complete, read from the
 * resource link's custom parameters (which Deep Linking writes and an LMS administrator may
 * edit): {@code chainwise_skills} (comma-separated skill codes), {@code chainwise_families}
 * (comma-separated generator families), {@code chainwise_completion} ({@code mastery:0.95} or
 * {@code items:20}) and {@code chainwise_title}. Whatever is absent takes the bank's default:
 * the six chain-rule skills, the families the bank has for them, mastery 0.95.
 */
public record PracticeSetDefinition(String definitionKey, String title, List<String> skills, List<String> families,
        Completion completion) {

    public static final String SKILLS = "chainwise_skills";
    public static final String FAMILIES = "chainwise_families";
    public static final String COMPLETION = "chainwise_completion";
    public static final String TITLE = "chainwise_title";

    public static final String DEFAULT_KEY = "chain-rule";
    public static final String DEFAULT_TITLE = "Chain rule practice";
    /** The skills of single-variable chain-rule practice; GRAPH_PATHS and JACOBIAN are opt-in. */
    public static final List<String> DEFAULT_SKILLS = List.of("DECOMPOSE", "OUTER_DERIVATIVE", "EVALUATE_AT_INNER",
            "INNER_FACTOR", "MULTI_LAYER", "CHAIN_VS_PRODUCT");
    public static final Completion DEFAULT_COMPLETION = new Completion.Mastery(0.95);

    private static final Pattern SKILL = Pattern.compile("[A-Z][A-Z_]*");
    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final int MAX_TITLE = 200;
    private static final int MAX_ITEMS = 500;

    public PracticeSetDefinition {
        skills = List.copyOf(skills);
        families = List.copyOf(families);
        if (skills.isEmpty()) {
            throw invalid(SKILLS, "names no skill");
        }
    }

    /** When a set is complete: every skill at a mastery probability, or a number of items answered. */
    public sealed interface Completion {
        /** The custom-parameter form, e.g. {@code mastery:0.95}. */
        String parameter();

        record Mastery(double threshold) implements Completion {
            public Mastery {
                if (!(threshold > 0 && threshold <= 1)) {
                    throw invalid(COMPLETION, "mastery threshold must be above 0 and at most 1, not " + threshold);
                }
            }

            @Override
            public String parameter() {
                return "mastery:" + threshold;
            }
        }

        record ItemCount(int items) implements Completion {
            public ItemCount {
                if (items < 1 || items > MAX_ITEMS) {
                    throw invalid(COMPLETION, "item count must be between 1 and " + MAX_ITEMS + ", not " + items);
                }
            }

            @Override
            public String parameter() {
                return "items:" + items;
            }
        }

        static Completion parse(String text) {
            String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":", 2);
            try {
                return switch (parts[0]) {
                    case "mastery" -> new Mastery(parts.length == 2 ? Double.parseDouble(parts[1]) : 0.95);
                    case "items" -> new ItemCount(Integer.parseInt(parts.length == 2 ? parts[1] : ""));
                    default -> throw invalid(COMPLETION, "must be mastery:<threshold> or items:<count>, not '" + text + "'");
                };
            } catch (NumberFormatException e) {
                throw invalid(COMPLETION, "must be mastery:<threshold> or items:<count>, not '" + text + "'");
            }
        }
    }

    /** The definition the custom parameters give, with {@code linkTitle} (the resource link's title) as the fallback title. */
    public static PracticeSetDefinition fromCustom(Map<String, String> custom, String linkTitle) {
        List<String> skills = list(custom.get(SKILLS), SKILL, SKILLS, true);
        List<String> families = list(custom.get(FAMILIES), FAMILY, FAMILIES, false);
        String completion = custom.get(COMPLETION);
        String title = firstNonBlank(custom.get(TITLE), linkTitle, DEFAULT_TITLE);
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE);
        }
        return new PracticeSetDefinition(DEFAULT_KEY, title, skills.isEmpty() ? DEFAULT_SKILLS : skills, families,
                completion == null || completion.isBlank() ? DEFAULT_COMPLETION : Completion.parse(completion));
    }

    /** The custom parameters that give this definition back (what a deep-linked resource link carries). */
    public Map<String, String> toCustom() {
        Map<String, String> custom = new java.util.LinkedHashMap<>();
        custom.put(TITLE, title);
        custom.put(SKILLS, String.join(",", skills));
        if (!families.isEmpty()) {
            custom.put(FAMILIES, String.join(",", families));
        }
        custom.put(COMPLETION, completion.parameter());
        return custom;
    }

    private static List<String> list(String text, Pattern pattern, String parameter, boolean upper) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String raw : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String value = upper ? raw.toUpperCase(Locale.ROOT) : raw;
            if (!pattern.matcher(value).matches()) {
                throw invalid(parameter, "'" + raw + "' is not a valid name");
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        throw new IllegalArgumentException("no candidate");
    }

    private static LaunchRefused invalid(String parameter, String problem) {
        return LaunchRefused.badRequest("lti_custom_invalid", "The custom parameter " + parameter + " " + problem + ".");
    }
}
