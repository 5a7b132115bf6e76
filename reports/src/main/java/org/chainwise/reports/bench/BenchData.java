package org.chainwise.reports.bench;

import static org.chainwise.migrations.jooq.Tables.COURSE;
import static org.chainwise.migrations.jooq.Tables.LTI_DEPLOYMENT;
import static org.chainwise.migrations.jooq.Tables.LTI_PLATFORM;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a synthetic school into an empty, migrated database through COPY: courses with a roster
 * and an instructor, items served, attempts (more correct as the weeks pass, so misconceptions
 * fade), their diagnoses, beliefs, mastery and a few shared notes. Each learner is planted with up
 * to two misconceptions; most of their incorrect attempts show one of them.
 */
final class BenchData {

    /** Families of the question bank, with the composition depth of their items and a sample function. */
    private record Family(String name, int layers, String variant) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("outer-sin", 2, "sin(3x^2)"), new Family("outer-cos", 2, "cos(x^3)"),
            new Family("outer-exp", 2, "exp(2x+1)"), new Family("outer-ln", 2, "ln(x^2+1)"),
            new Family("outer-sqrt", 2, "sqrt(4x-1)"), new Family("outer-power", 2, "(3x+2)^5"),
            new Family("inner-trig", 2, "(sin x)^3"), new Family("inner-polynomial", 2, "exp(x^3-x)"),
            new Family("nested", 3, "sin(cos(x^2))"), new Family("product-vs-chain", 2, "x^2 sin(x)"),
            new Family("opposite-nesting", 2, "cos(x)^2"), new Family("evaluated-at", 2, "sin(x^2) at x=1"));
    private static final Misconception[] PLANTABLE = {Misconception.OUTER_AT_X, Misconception.MISSING_INNER,
        Misconception.COMPOSED_DERIVATIVES, Misconception.PRODUCT_RULE, Misconception.ADDED_NOT_MULTIPLIED,
        Misconception.REVERSED_NESTING, Misconception.WRONG_OUTER_DERIVATIVE};
    private static final double NOT_STARTED = 0.05;
    private static final double INVALID = 0.04;

    private final Shape shape;

    BenchData(Shape shape) {
        this.shape = shape;
    }

    /** What was written, for checks and for choosing the course to report on. */
    record Loaded(List<Long> courseIds, long students, long attempts, long diagnoses, long items) {
    }

    Loaded load(Connection connection) throws SQLException {
        DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(shape.seed());
        long platformId = dsl.insertInto(LTI_PLATFORM)
                .set(LTI_PLATFORM.ISSUER, "https://lms.bench.example/" + shape.seed())
                .set(LTI_PLATFORM.CLIENT_ID, "chainwise-bench")
                .set(LTI_PLATFORM.AUTH_LOGIN_URL, "https://lms.bench.example/auth")
                .set(LTI_PLATFORM.AUTH_TOKEN_URL, "https://lms.bench.example/token")
                .set(LTI_PLATFORM.JWKS_URL, "https://lms.bench.example/jwks")
                .returning(LTI_PLATFORM.ID).fetchOne(LTI_PLATFORM.ID);
        long deploymentId = dsl.insertInto(LTI_DEPLOYMENT).set(LTI_DEPLOYMENT.PLATFORM_ID, platformId)
                .set(LTI_DEPLOYMENT.DEPLOYMENT_ID, "bench").returning(LTI_DEPLOYMENT.ID).fetchOne(LTI_DEPLOYMENT.ID);
        List<Long> courseIds = new ArrayList<>();
        for (int c = 0; c < shape.courses(); c++) {
            courseIds.add(dsl.insertInto(COURSE).set(COURSE.DEPLOYMENT_ID, deploymentId)
                    .set(COURSE.LTI_CONTEXT_ID, "course-" + (c + 1)).set(COURSE.TITLE, "Calculus " + (c + 1))
                    .returning(COURSE.ID).fetchOne(COURSE.ID));
        }

        // Learners first, then one instructor per course; identity ids follow COPY order.
        long userBase = nextId(dsl, "app_user");
        try (CopyRows users = new CopyRows(copy, "app_user", "platform_id,subject,name")) {
            for (int s = 0; s < shape.students(); s++) {
                users.row(platformId, "learner-" + s, "Learner " + s);
            }
            for (int c = 0; c < courseIds.size(); c++) {
                users.row(platformId, "instructor-" + c, "Instructor " + c);
            }
        }
        try (CopyRows roles = new CopyRows(copy, "course_role", "course_id,user_id,role")) {
            for (int s = 0; s < shape.students(); s++) {
                roles.row(courseIds.get(s / shape.courseSize()), userBase + s, "learner");
            }
            for (int c = 0; c < courseIds.size(); c++) {
                roles.row(courseIds.get(c), userBase + shape.students() + c, "instructor");
            }
        }

        // Every learner's model row (served items refer to it).
        try (CopyRows models = new CopyRows(copy, "learner_model", "course_id,user_id")) {
            for (int s = 0; s < shape.students(); s++) {
                models.row(courseIds.get(s / shape.courseSize()), userBase + s);
            }
        }

        long[] perStudent = attemptsPerStudent(random);
        Misconception[][] planted = new Misconception[shape.students()][];
        for (int s = 0; s < planted.length; s++) {
            planted[s] = plant(random);
        }
        long itemBase = nextId(dsl, "item_served");
        long attemptBase = nextId(dsl, "attempt");
        // COPY streams cannot interleave on one connection and attempts need their items first
        // (foreign key): the same per-learner random sequence is walked twice, items then attempts.
        Counts counts;
        try (CopyRows items = new CopyRows(copy, "item_served",
                "course_id,user_id,family,parameters,seed,variant_key,served_at")) {
            counts = walk(courseIds, userBase, perStudent, planted, new Sink() {
                @Override
                public void item(long courseId, long userId, Family family, long seed, Instant servedAt) throws SQLException {
                    items.row(courseId, userId, family.name(), "{}", seed, family.variant(), servedAt.toString());
                }
            });
        }
        // Diagnoses follow their attempts (foreign key); they wait here as COPY text meanwhile.
        StringBuilder diagnoses = new StringBuilder();
        try (CopyRows attempts = new CopyRows(copy, "attempt",
                "course_id,user_id,item_id,submission_id,raw_answer,interpreted_text,interpreted_latex,verdict,"
                        + "error_message,hints_used,submitted_at,grading_ms")) {
            walk(courseIds, userBase, perStudent, planted, new Sink() {
                @Override
                public void attempt(long courseId, long userId, long itemIndex, long attemptIndex, String verdict,
                        String raw, Misconception code, int layer, int hints, Instant at) throws SQLException {
                    boolean invalid = verdict.equals("invalid");
                    attempts.row(courseId, userId, itemBase + itemIndex, new UUID(userId, attemptIndex).toString(), raw,
                            invalid ? null : raw, invalid ? null : raw, verdict, invalid ? "unknown function sinn" : null,
                            hints, at.toString(), 0.4);
                    if (code != null) {
                        diagnoses.append(attemptBase + attemptIndex).append(",1,").append(code.name()).append(',')
                                .append(layer).append(",generated\n");
                    }
                }
            });
        }
        try (CopyRows rows = new CopyRows(copy, "attempt_misconception", "attempt_id,rank,code,layer,explanation")) {
            rows.raw(diagnoses);
        }
        writeModel(copy, courseIds, userBase, planted, perStudent, random);
        connection.commit();
        connection.setAutoCommit(true);
        return new Loaded(courseIds, shape.students(), counts.attempts(), counts.diagnoses(), counts.items());
    }

    /** Receives what {@link #walk} generates; each pass listens to one kind. */
    private interface Sink {
        default void item(long courseId, long userId, Family family, long seed, Instant servedAt) throws SQLException {
        }

        default void attempt(long courseId, long userId, long itemIndex, long attemptIndex, String verdict, String raw,
                Misconception code, int layer, int hints, Instant at) throws SQLException {
        }
    }

    private record Counts(long items, long attempts, long diagnoses) {
    }

    /**
     * Every learner's items and attempts, in order, from a random sequence of the learner's own:
     * each item is tried one to three times; the chance of a correct answer grows over the weeks.
     */
    private Counts walk(List<Long> courseIds, long userBase, long[] perStudent, Misconception[][] planted, Sink sink)
            throws SQLException {
        Instant end = shape.lastDay().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long span = shape.weeks() * 7L * 24 * 3600;
        long start = end.getEpochSecond() - span;
        long item = 0;
        long attempt = 0;
        long diagnosed = 0;
        for (int s = 0; s < perStudent.length; s++) {
            SplittableRandom r = new SplittableRandom(shape.seed() * 1_000_003L + s);
            long courseId = courseIds.get(s / shape.courseSize());
            long userId = userBase + s;
            long n = perStudent[s];
            for (long k = 0; k < n; item++) {
                Family family = FAMILIES.get(r.nextInt(FAMILIES.size()));
                int tries = 1 + r.nextInt(3);
                // Spread over the whole span, leaving room for the tries within the last day.
                long servedAt = start + (long) ((double) k / n * (span - 2 * 3600));
                sink.item(courseId, userId, family, r.nextLong() & Long.MAX_VALUE, Instant.ofEpochSecond(servedAt));
                for (int t = 0; t < tries && k < n; t++, k++, attempt++) {
                    double progress = (double) k / n;
                    double roll = r.nextDouble();
                    String verdict = roll < INVALID ? "invalid" : roll < INVALID + 0.25 + 0.6 * progress ? "correct" : "incorrect";
                    Misconception code = diagnosis(r, planted[s], progress);
                    int layer = 1 + r.nextInt(family.layers());
                    int hints = r.nextInt(4) == 0 ? 1 : 0;
                    Instant at = Instant.ofEpochSecond(servedAt + 60L * (t + 1) + r.nextInt(1800));
                    String raw = switch (verdict) {
                        case "correct" -> "d/dx " + family.variant();
                        case "invalid" -> "sinn(" + k + "x)";
                        default -> code.name().toLowerCase(java.util.Locale.ROOT) + " " + family.variant();
                    };
                    boolean incorrect = verdict.equals("incorrect");
                    sink.attempt(courseId, userId, item, attempt, verdict, raw, incorrect ? code : null, layer, hints, at);
                    if (incorrect) {
                        diagnosed++;
                    }
                }
            }
        }
        return new Counts(item, attempt, diagnosed);
    }

    private long[] attemptsPerStudent(SplittableRandom random) {
        double[] weight = new double[shape.students()];
        double sum = 0;
        for (int s = 0; s < weight.length; s++) {
            weight[s] = random.nextDouble() < NOT_STARTED ? 0 : 0.5 + random.nextDouble();
            sum += weight[s];
        }
        long[] counts = new long[weight.length];
        long given = 0;
        for (int s = 0; s < weight.length; s++) {
            counts[s] = sum == 0 ? 0 : (long) Math.floor(shape.attempts() * weight[s] / sum);
            given += counts[s];
        }
        for (int s = 0; given < shape.attempts(); s = (s + 1) % weight.length) {
            if (weight[s] > 0 || sum == 0) {
                counts[s]++;
                given++;
            }
        }
        return counts;
    }

    /** None, one or two misconceptions for a learner. */
    private static Misconception[] plant(SplittableRandom r) {
        int first = r.nextInt(PLANTABLE.length * 2);
        int second = r.nextInt(PLANTABLE.length * 3);
        List<Misconception> codes = new ArrayList<>();
        if (first < PLANTABLE.length) {
            codes.add(PLANTABLE[first]);
        }
        if (second < PLANTABLE.length && (codes.isEmpty() || codes.getFirst() != PLANTABLE[second])) {
            codes.add(PLANTABLE[second]);
        }
        return codes.toArray(Misconception[]::new);
    }

    /** What an incorrect attempt is diagnosed with: mostly a planted code, less so as the learner progresses. */
    private static Misconception diagnosis(SplittableRandom r, Misconception[] planted, double progress) {
        double roll = r.nextDouble();
        int pick = r.nextInt(PLANTABLE.length + 1);
        if (planted.length > 0 && roll < 0.8 - 0.3 * progress) {
            return planted[pick % planted.length];
        }
        return pick == PLANTABLE.length ? Misconception.OTHER : PLANTABLE[pick];
    }

    private void writeModel(CopyManager copy, List<Long> courseIds, long userBase, Misconception[][] planted,
            long[] perStudent, SplittableRandom random) throws SQLException {
        Instant seen = shape.lastDay().atStartOfDay().toInstant(ZoneOffset.UTC);
        try (CopyRows beliefs = new CopyRows(copy, "misconception_belief",
                "course_id,user_id,code,belief,evidence_count,last_seen_at")) {
            for (int s = 0; s < planted.length; s++) {
                if (perStudent[s] == 0) {
                    continue;
                }
                for (Misconception code : PLANTABLE) {
                    boolean held = java.util.Arrays.asList(planted[s]).contains(code);
                    // A third of the planted misconceptions have been overcome by now.
                    double belief = held && random.nextInt(3) > 0 ? 0.55 + 0.4 * random.nextDouble() : 0.45 * random.nextDouble();
                    beliefs.row(courseIds.get(s / shape.courseSize()), userBase + s, code.name(), belief,
                            1 + random.nextInt(20), seen.toString());
                }
            }
        }
        try (CopyRows mastery = new CopyRows(copy, "skill_mastery", "course_id,user_id,skill,p_mastery,evidence_count")) {
            for (int s = 0; s < planted.length; s++) {
                if (perStudent[s] == 0) {
                    continue;
                }
                for (Skill skill : Skill.values()) {
                    mastery.row(courseIds.get(s / shape.courseSize()), userBase + s, skill.name(), random.nextDouble(),
                            random.nextInt(30));
                }
            }
        }
        try (CopyRows notes = new CopyRows(copy, "research_note", "author_id,course_id,object_key,question,visibility")) {
            for (int c = 0; c < courseIds.size(); c++) {
                long author = userBase + (long) c * shape.courseSize();
                notes.row(author, courseIds.get(c), "misconception:OUTER_AT_X", "Why is the outer derivative read at g(x)?", "shared");
                notes.row(author, courseIds.get(c), "item:nested", "Which layer is the outermost?", "shared");
                notes.row(author, courseIds.get(c), "concept:chain-rule", "Is the chain rule a product?", "private");
            }
        }
    }

    /** The id the next row of {@code table} will get from its identity column. */
    private static long nextId(DSLContext dsl, String table) {
        String sequence = dsl.fetchValue(DSL.field("pg_get_serial_sequence({0}, 'id')", String.class, DSL.val(table)));
        var row = dsl.fetchSingle("select last_value, is_called from " + sequence);
        long last = row.get(0, Long.class);
        return row.get(1, Boolean.class) ? last + 1 : last;
    }
}
