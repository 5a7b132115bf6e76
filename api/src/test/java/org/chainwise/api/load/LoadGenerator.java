package org.chainwise.api.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.chainwise.api.store.EmbeddedPostgresSettings;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.VariantPool;
import org.chainwise.bank.answer.ItemGrader;
import org.chainwise.bank.item.Item;
import org.chainwise.engine.mastery.Skill;

/**
 * The practice API's load benchmark and kill check, a process of its own on loopback: starts a
 * PostgreSQL (durable: fsync and synchronous_commit on), starts the application jar against it as
 * another process, places a practice set, signs in {@code --students} learners by the development
 * sign-in and has each run next-item / submit cycles for {@code --seconds} (after a warm-up): about
 * 60% right answers, 25% wrong ones (a distractor), 15% unreadable. A learner who finishes the set
 * is replaced by a new one. It reports submits per second and p50/p99 latency per route.
 *
 * <p>By default each learner starts its next cycle as soon as the last one is answered (a closed
 * loop): the run finds the most the server can do, and its latencies are those of a server kept at
 * its limit. With {@code --rate R} the learners together start R cycles per second (each learner
 * one every {@code students / R} seconds, at a phase of its own): the latency at that load. A
 * next-item request is timed from when its cycle was due, not from when it could be sent, so a
 * server falling behind shows in the latencies (no coordinated omission); its submit follows at
 * once and is timed from when it is sent. The schedule starts afresh with the measured run, so a
 * backlog from the warm-up (a cold JIT) is not carried into the figures.
 *
 * <p>With {@code --kill-at S} it kills the application with SIGKILL S seconds into the measured
 * run, starts it again on the same database, lets the learners carry on for at least 45 s (each retrying its
 * unanswered submit with the same submissionId), and then checks against the database that every
 * submission acknowledged with a 2xx is recorded, and none twice. Exit status 0 when the check passes.
 *
 * <pre>java -cp api/target/chainwise.jar:api/target/test-classes org.chainwise.api.load.LoadGenerator --students 64 --seconds 30</pre>
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    // The fields a learner reads of each answer (ResponseFields): a sign-in, a next item (no item once the set is complete), a submit.
    private static final Set<String> SIGNED_IN = Set.of("token");
    private static final Set<String> ITEM = Set.of("item.id", "item.family", "item.stem.text");
    private static final Set<String> RECORDED = Set.of("duplicate");
    private static final long AFTER_RESTART_MILLIS = 45_000;
    private static final long LOW_32 = 0xFFFF_FFFFL;
    /** The roster's size: the closed loop's submits/s, generously (2,434-2,494 measured on 2026-12-03), ... */
    private static final int CLOSED_LOOP_RATE_AT_MOST = 3_000;
    /** ... over the fewest cycles a learner lasts before completing the load's set (about thirteen measured). */
    private static final int CYCLES_PER_LEARNER_AT_LEAST = 8;
    /** Sign-ins run side by side before the run: enough to keep the application busy, not the generator. */
    private static final int ROSTER_SIGN_IN_THREADS = 4;
    /** The timeline lists each request slower than this, by when it began. */
    private static final long SLOW_MILLIS = 40;
    /** CHAINWISE_LOAD_PG_STATEMENTS=true: load pg_stat_statements and print where PostgreSQL spent its time (a diagnosis; it costs a little). */
    private static final boolean STATEMENT_STATISTICS = Boolean.parseBoolean(System.getenv("CHAINWISE_LOAD_PG_STATEMENTS"));
    /** CHAINWISE_LOAD_TIMELINE=true: print the measured run second by second (submits, p99s, slowest), to see whether the slow requests come together. */
    private static final boolean TIMELINE = Boolean.parseBoolean(System.getenv("CHAINWISE_LOAD_TIMELINE"));
    /**
     * CHAINWISE_LOAD_PG_SETTINGS="name=value;name=value": further settings of the load's PostgreSQL, to
     * measure a server setting (or load auto_explain) before recommending it. Printed with the run.
     */
    private static final String EXTRA_PG_SETTINGS = System.getenv().getOrDefault("CHAINWISE_LOAD_PG_SETTINGS", "").strip();

    private final int students;
    private final int seconds;
    private final int warmUpSeconds;
    private final int killAt;
    private final double rate;
    private final Path jar;
    /** Each learner thread's own kept-alive connection (the application's port is known once it is started). */
    private final ThreadLocal<LoopbackHttp> connection = ThreadLocal.withInitial(() -> new LoopbackHttp("127.0.0.1", this.port, 30_000));
    private final Map<String, Item> itemsByStem = new HashMap<>();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger learnerNumbers = new AtomicInteger();
    private final Latencies next = new Latencies();
    private final Latencies submit = new Latencies();
    private final Latencies signIn = new Latencies();
    /** Sessions of learners signed in before the run, for those who replace learners while measuring. */
    private final Queue<String> roster = new ConcurrentLinkedQueue<>();
    private final AtomicInteger fromRoster = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Map<String, AtomicInteger> failureReasons = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile boolean measuring;
    /** When the measured run started (System.nanoTime), 0 before: a paced learner's schedule starts again there. */
    private volatile long measuredFrom;
    private volatile java.time.Instant measuredAt;
    private volatile boolean stopping;
    private volatile int port;
    private volatile Path postgresData;
    private long setId;

    private LoadGenerator(int students, int seconds, int warmUpSeconds, int killAt, double rate, Path jar) {
        this.students = students;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
        this.killAt = killAt;
        this.rate = rate;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadGenerator generator = new LoadGenerator(
                Integer.parseInt(options.getOrDefault("students", "64")),
                Integer.parseInt(options.getOrDefault("seconds", "30")),
                Integer.parseInt(options.getOrDefault("warm-up", "10")),
                Integer.parseInt(options.getOrDefault("kill-at", "0")),
                Double.parseDouble(options.getOrDefault("rate", "0")),
                Path.of(options.getOrDefault("jar", "api/target/chainwise.jar")));
        System.exit(generator.run());
    }

    private int run() throws Exception {
        Path data = Files.createTempDirectory("chainwise-load-pg");
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
        if (STATEMENT_STATISTICS) {
            server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        // The settings of the embedded database students get (durable, among others).
        EmbeddedPostgresSettings.applyTo(server)
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100");
        for (String setting : EXTRA_PG_SETTINGS.split(";")) {
            if (!setting.isBlank()) {
                int equals = setting.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("CHAINWISE_LOAD_PG_SETTINGS: \"" + setting + "\" is not name=value");
                }
                server.setServerConfig(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
            }
        }
        try (EmbeddedPostgres postgres = server.start()) {
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            report("PostgreSQL " + settings(postgres) + (EXTRA_PG_SETTINGS.isEmpty() ? "" : " " + EXTRA_PG_SETTINGS) + " in " + data);
            port = freePort();
            postgresData = data;
            App app = App.start(jar, jdbc, port);
            try {
                app.awaitHealthy();
                app.awaitWarm();
                prepare(postgres);
                return load(app, postgres);
            } finally {
                app.stop();
            }
        }
    }

    private int load(App first, EmbeddedPostgres postgres) throws Exception {
        App[] app = {first};
        signInRoster();
        List<Thread> learners = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            learners.add(Thread.ofPlatform().name("learner-" + i).start(this::learn));
        }
        Thread.sleep(warmUpSeconds * 1000L);
        double[] loadBefore = loadAverage();
        long appCpuBefore = cpuNanos(app[0].process().toHandle());
        long postgresCpuBefore = postgresCpuNanos();
        long[] housekeepingBefore = housekeeping(postgres);
        long ownCpuBefore = cpuNanos(ProcessHandle.current());
        long start = System.nanoTime();
        measuredFrom = start;
        measuredAt = java.time.Instant.now();
        measuring = true;
        long killedAt = 0;
        long restartedAfter = 0;
        if (killAt > 0) {
            Thread.sleep(killAt * 1000L);
            int before = acknowledged.size();
            app[0].kill();
            killedAt = System.nanoTime();
            report("killed the application (SIGKILL) with " + before + " submissions acknowledged");
            app[0] = App.start(jar, postgres.getJdbcUrl("postgres", "postgres"), port);
            app[0].awaitHealthy();
            restartedAfter = (System.nanoTime() - killedAt) / 1_000_000;
            report("restarted it; healthy after " + restartedAfter + " ms");
        }
        long remaining = seconds * 1000L - (System.nanoTime() - start) / 1_000_000;
        if (killAt > 0) {
            // However long the restart took, the learners carry on against the new process for a while.
            remaining = Math.max(remaining, AFTER_RESTART_MILLIS);
        }
        if (remaining > 0) {
            Thread.sleep(remaining);
        }
        measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] loadAfter = loadAverage();
        long[] housekeepingAfter = housekeeping(postgres);
        // The CPU spent while measuring, divided by the cycles once the learners have stopped.
        long appCpu = cpuNanos(app[0].process().toHandle()) - appCpuBefore;
        long postgresCpu = postgresCpuNanos() - postgresCpuBefore;
        long ownCpu = cpuNanos(ProcessHandle.current()) - ownCpuBefore;
        stopping = true;
        for (Thread learner : learners) {
            learner.join(10_000);
        }
        // Nothing is recorded once measuring ended: each route's latencies sorted once for the report.
        long[] submits = submit.sorted(-1);
        long[] nexts = next.sorted(-1);
        long[] signIns = signIn.sorted(-1);
        long cycles = Math.max(1, submits.length);
        String cpu = killAt > 0 ? "" : String.format(java.util.Locale.ROOT,
                "; CPU per submit (with its next): application %.2f ms, PostgreSQL %.2f ms, this generator %.2f ms",
                appCpu / 1e6 / cycles, postgresCpu / 1e6 / cycles, ownCpu / 1e6 / cycles);
        report(String.format(java.util.Locale.ROOT,
                "%d students%s, %.1f s measured: %.0f submits/s (%d submits, %d duplicates answered), next p50 %.1f ms p99 %.1f ms,"
                        + " submit p50 %.1f ms p99 %.1f ms, %d failed requests; load average %.2f before, %.2f after (1 min)",
                students, rate > 0 ? String.format(java.util.Locale.ROOT, " paced at %.0f submits/s", rate) : "", elapsed,
                submits.length / elapsed, submits.length, duplicates.get(), Latencies.percentile(nexts, 50),
                Latencies.percentile(nexts, 99), Latencies.percentile(submits, 50), Latencies.percentile(submits, 99), failures.get(),
                loadBefore[0], loadAfter[0]) + cpu
                + String.format(java.util.Locale.ROOT, "; %d learners replaced, %d signed in before the run, %d while measured%s",
                        fromRoster.get() + signIns.length, fromRoster.get(), signIns.length, signIns.length == 0 ? ""
                                : String.format(java.util.Locale.ROOT, " (sign-in p50 %.1f ms p99 %.1f ms)",
                                        Latencies.percentile(signIns, 50), Latencies.percentile(signIns, 99)))
                + String.format(java.util.Locale.ROOT, "; while measured: %d checkpoints, %d autovacuum/analyze runs, slowest next %.0f ms, submit %.0f ms",
                        housekeepingAfter[0] - housekeepingBefore[0], housekeepingAfter[1] - housekeepingBefore[1],
                        Latencies.percentile(nexts, 100), Latencies.percentile(submits, 100)));
        if (TIMELINE) {
            printTimeline(elapsed);
        }
        failureReasons.entrySet().stream().sorted((a, b) -> b.getValue().get() - a.getValue().get()).limit(3)
                .forEach(e -> report("failed " + e.getValue() + " times: " + e.getKey()));
        if (killAt > 0) {
            app[0].stop();
            return verify(postgres);
        }
        if (STATEMENT_STATISTICS) {
            printStatementStatistics(postgres, cycles);
        }
        return 0;
    }

    /** The statements PostgreSQL spent its time on, per submit (with its next), from pg_stat_statements. */
    private static void printStatementStatistics(EmbeddedPostgres postgres, long cycles) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rows = s.executeQuery("SELECT calls, total_exec_time + total_plan_time, rows, left(regexp_replace(query,"
                    + " '\\s+', ' ', 'g'), 160) FROM pg_stat_statements ORDER BY 2 DESC LIMIT 20")) {
                while (rows.next()) {
                    report(String.format(java.util.Locale.ROOT, "statement: %.2f calls, %.3f ms, %.1f rows per cycle: %s",
                            rows.getLong(1) / (double) cycles, rows.getDouble(2) / cycles, rows.getLong(3) / (double) cycles,
                            rows.getString(4)));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
                rows.next();
                report(String.format(java.util.Locale.ROOT, "WAL (whole run, per measured cycle): %.1f records, %.2f full pages, %.0f bytes",
                        rows.getLong(1) / (double) cycles, rows.getLong(2) / (double) cycles, rows.getLong(3) / (double) cycles));
            }
            try (ResultSet rows = s.executeQuery("SELECT name, blks_hit + blks_read + blks_written FROM pg_stat_slru"
                    + " WHERE name LIKE 'Multi%'")) {
                while (rows.next()) {
                    report(String.format(java.util.Locale.ROOT, "SLRU %s: %.2f block accesses per cycle", rows.getString(1),
                            rows.getLong(2) / (double) cycles));
                }
            }
        }
    }

    /** Every submission acknowledged with a 2xx is in the database, once. */
    private int verify(EmbeddedPostgres postgres) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        int twice;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT submission_id FROM attempt")) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM attempt GROUP BY course_id, user_id,"
                    + " submission_id HAVING count(*) > 1) AS repeated")) {
                rows.next();
                twice = rows.getInt(1);
            }
        }
        Set<UUID> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        report("kill check: " + acknowledged.size() + " submissions acknowledged, " + stored.size() + " attempts stored, "
                + lost.size() + " acknowledged but missing, " + twice + " recorded twice");
        return lost.isEmpty() && twice == 0 ? 0 : 1;
    }

    /** Places the load's practice set in the load course and pools its variants here too, to know the answers. */
    private void prepare(EmbeddedPostgres postgres) throws Exception {
        JsonNode teacher = JSON.readTree(post(null, "/api/v1/dev/sign-in", Map.of("subject", "load-teacher", "course", "load", "role", "instructor")));
        long course = teacher.get("courseId").asLong();
        List<Skill> skills = List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR, Skill.OUTER_DERIVATIVE);
        ItemBank bank = ItemBank.standard();
        List<String> families = bank.familyNames().stream().filter(name -> name.startsWith("outer-")).toList();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO practice_set (course_id, resource_link_id,"
                    + " definition_key, title, completion_rule, mastery_threshold) VALUES (?, 'load', 'load', 'Load', 'mastery', 0.95)"
                    + " RETURNING id")) {
                insert.setLong(1, course);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    setId = row.getLong(1);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO practice_set_skill VALUES (?, ?)")) {
                for (Skill skill : skills) {
                    insert.setLong(1, setId);
                    insert.setString(2, skill.name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO practice_set_family VALUES (?, ?)")) {
                for (String family : families) {
                    insert.setLong(1, setId);
                    insert.setString(2, family);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        // CHAINWISE_LOAD_EXPERIMENT_SQL: SQL run on the load database before the learners start, to measure a
        // schema or setting change (say, an index or constraint dropped) against the same load before writing its migration.
        String experiment = System.getenv("CHAINWISE_LOAD_EXPERIMENT_SQL");
        if (experiment != null) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute(experiment);
            }
        }
        // The same pool the server serves from (16 variants a family, seeds from 0): same bank, same items.
        VariantPool pool = new VariantPool(bank, 16);
        for (String family : families) {
            for (Item item : pool.variants(family)) {
                itemsByStem.put(item.family() + "|" + item.stem().text(), item);
            }
        }
        // The first next of a set waits for the server's own pools: once, before anyone is timed.
        JsonNode learner = JSON.readTree(post(null, "/api/v1/dev/sign-in", Map.of("subject", "load-probe", "course", "load", "role", "learner")));
        post(learner.get("token").asText(), "/api/v1/practice-sets/" + setId + "/next", Map.of());
        report("set " + setId + " over " + families.size() + " families, " + itemsByStem.size() + " variants");
    }

    /** One learner's loop until the run stops; a learner who completes the set is replaced by a new one. */
    private void learn() {
        String token = null;
        String itemId = null;
        UUID pending = null;
        Map<String, String> pendingAnswer = null;
        long interval = rate > 0 ? (long) (students * 1e9 / rate) : 0;
        long phase = interval > 0 ? ThreadLocalRandom.current().nextLong(interval) : 0;
        long due = System.nanoTime() + phase;
        long schedule = 0;
        long signedInAt = 0;
        while (!stopping) {
            try {
                if (token == null && measuring) {
                    token = roster.poll();
                    if (token != null) {
                        fromRoster.incrementAndGet();
                    }
                }
                if (token == null) {
                    long t0 = System.nanoTime();
                    token = signIn();
                    signIn.record(t0);
                    signedInAt = System.nanoTime();
                }
                if (pending == null) {
                    long t0 = System.nanoTime();
                    if (interval > 0) {
                        if (schedule != measuredFrom) {
                            // The measured run keeps its own schedule: a backlog from the warm-up (a cold JIT) is not carried in.
                            schedule = measuredFrom;
                            due = schedule + phase;
                        }
                        sleepUntil(due);
                        // A new learner's first item is timed from its sign-in when that ended after the
                        // cycle was due: the sign-in has its own figure and is not counted in the next's.
                        t0 = Math.max(due, signedInAt);
                        due += interval;
                    }
                    signedInAt = 0;
                    Map<String, String> view = ResponseFields.read(post(token, "/api/v1/practice-sets/" + setId + "/next", Map.of()), ITEM);
                    next.record(t0);
                    itemId = view.get("item.id");
                    if (itemId == null) {
                        // The set is complete: a new learner takes this cycle's place (a cycle is a submit).
                        due -= interval;
                        token = null;
                        continue;
                    }
                    pending = UUID.randomUUID();
                    pendingAnswer = answer(view.get("item.family"), view.get("item.stem.text"));
                }
                long t0 = System.nanoTime();
                Map<String, String> result = ResponseFields.read(post(token, "/api/v1/items/" + itemId + "/attempts",
                        Map.of("submissionId", pending.toString(), "answers", pendingAnswer)), RECORDED);
                submit.record(t0);
                acknowledged.add(pending);
                if (Boolean.parseBoolean(result.get("duplicate"))) {
                    duplicates.incrementAndGet();
                }
                pending = null;
            } catch (RejectedException e) {
                // A 409 (item solved already, say) is an answer: move on to the next item.
                pending = null;
            } catch (IOException | RuntimeException e) {
                // No answer (the application is down, or busy): retry the same submission, with the same id, shortly.
                failures.incrementAndGet();
                String reason = String.valueOf(e.getMessage());
                failureReasons.computeIfAbsent(e.getClass().getSimpleName() + ": " + reason.substring(0, Math.min(80, reason.length())),
                        key -> new AtomicInteger()).incrementAndGet();
                sleep(50);
            }
        }
        connection.get().close();
    }

    /** A new learner's session. */
    private String signIn() throws IOException {
        return ResponseFields.read(post(null, "/api/v1/dev/sign-in", Map.of("subject", "load-" + learnerNumbers.incrementAndGet(),
                "course", "load", "role", "learner")), SIGNED_IN).get("token");
    }

    /**
     * Signs in, before anyone is timed, the learners who will replace those completing the set while
     * measuring: the load is next-item / submit cycles, and a class signs in when its lesson starts, not
     * once every dozen answers (the load's learners master its set in about that many). Counted
     * generously (a learner lasts more than eight cycles); should they run out, the rest sign in while
     * measured, and the report says how many did.
     */
    private void signInRoster() throws InterruptedException {
        int size = (int) (seconds * (rate > 0 ? rate : CLOSED_LOOP_RATE_AT_MOST) / CYCLES_PER_LEARNER_AT_LEAST) + students;
        long t0 = System.nanoTime();
        AtomicInteger left = new AtomicInteger(size);
        List<Thread> signing = new ArrayList<>();
        for (int i = 0; i < ROSTER_SIGN_IN_THREADS; i++) {
            signing.add(Thread.ofPlatform().start(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        roster.add(signIn());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    connection.get().close();
                }
            }));
        }
        for (Thread thread : signing) {
            thread.join();
        }
        report(String.format(java.util.Locale.ROOT, "signed in %d learners for the measured run in %.1f s", roster.size(),
                (System.nanoTime() - t0) / 1e9));
    }

    private void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        while (wait > 0 && !stopping) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
            wait = nanoTime - System.nanoTime();
        }
    }

    private Map<String, String> answer(String family, String stem) {
        Item item = itemsByStem.get(family + "|" + stem);
        double dice = ThreadLocalRandom.current().nextDouble();
        Map<String, String> answers = new HashMap<>();
        if (item == null || dice < 0.15) {
            answers.put("answer", "2x cos((x");
        } else if (dice < 0.40 && !item.distractors().isEmpty()) {
            answers.put("answer", item.distractors().get(ThreadLocalRandom.current().nextInt(item.distractors().size())).answer().text());
        } else {
            answers.putAll(ItemGrader.rightAnswer(item));
        }
        return answers;
    }

    /** The body of a 2xx answer to the POST; a 409 is a {@link RejectedException}, anything else an {@link IOException}. */
    private String post(String token, String path, Object body) throws IOException {
        LoopbackHttp.Response response = connection.get().post(path, token, JSON.writeValueAsString(body));
        if (response.status() == 409) {
            throw new RejectedException();
        }
        if (response.status() / 100 != 2) {
            throw new IOException(path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** A 409: the request was understood and refused. */
    private static final class RejectedException extends RuntimeException {
        RejectedException() {
            super(null, null, false, false);
        }
    }

    /** Latencies of one route while measuring, in microseconds. */
    private final class Latencies {

        private final List<long[]> chunks = new ArrayList<>();
        private final ThreadLocal<long[]> mine = new ThreadLocal<>();
        private final ThreadLocal<int[]> used = ThreadLocal.withInitial(() -> new int[1]);
        /** With the timeline: the requests slower than {@link #SLOW_MILLIS}, as {due or sent (ms into the run), took (ms)}, to see whether they began together. */
        private final Queue<long[]> slow = new ConcurrentLinkedQueue<>();

        void record(long startNanos) {
            // A request due (or sent) before the measured run started belongs to the warm-up.
            if (!measuring || startNanos < measuredFrom) {
                return;
            }
            long now = System.nanoTime();
            long micros = Math.min((now - startNanos) / 1_000, LOW_32);
            // The second of the measured run it ended in, above the microseconds: the timeline's key.
            long second = (now - measuredFrom) / 1_000_000_000L;
            if (TIMELINE && micros > SLOW_MILLIS * 1_000) {
                slow.add(new long[] {(startNanos - measuredFrom) / 1_000_000, micros / 1_000});
            }
            long[] chunk = mine.get();
            int[] n = used.get();
            if (chunk == null || n[0] == chunk.length) {
                // Small chunks: 64 learners each taking a large one at the first measured second made the
                // generator itself stall that second (allocation and clearing of ~100 MB).
                chunk = new long[1 << 12];
                Arrays.fill(chunk, -1);
                synchronized (chunks) {
                    chunks.add(chunk);
                }
                mine.set(chunk);
                n[0] = 0;
            }
            chunk[n[0]++] = second << 32 | micros;
        }

        /** The latencies in microseconds, of the requests that ended in second {@code second}, or of all when it is negative. */
        private long[] sorted(long second) {
            synchronized (chunks) {
                return chunks.stream().flatMapToLong(Arrays::stream)
                        .filter(v -> v >= 0 && (second < 0 || v >>> 32 == second)).map(v -> v & LOW_32).sorted().toArray();
            }
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
        }

    }

    private void printTimeline(double elapsed) {
        report("timeline: second 0 began at " + measuredAt + " (to match server logs)");
        for (long second = 0; second < (long) Math.ceil(elapsed); second++) {
            long[] submits = submit.sorted(second);
            long[] nexts = next.sorted(second);
            report(String.format(java.util.Locale.ROOT, "second %3d: %4d submits, next p50 %5.1f p99 %6.1f max %6.1f ms, submit p50 %5.1f p99 %6.1f max %6.1f ms",
                    second, submits.length, Latencies.percentile(nexts, 50), Latencies.percentile(nexts, 99), Latencies.percentile(nexts, 100),
                    Latencies.percentile(submits, 50), Latencies.percentile(submits, 99), Latencies.percentile(submits, 100)));
        }
        report("slower than " + SLOW_MILLIS + " ms, next: " + slowest(next) + "; submit: " + slowest(submit));
    }

    /** The slow requests as "began+took" (ms) in the order they began: requests that began apart and ended together waited on one stall. */
    private static String slowest(Latencies route) {
        return route.slow.stream().sorted(java.util.Comparator.comparingLong(r -> r[0]))
                .map(r -> r[0] + "+" + r[1]).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The application jar running as a process of its own. */
    private record App(Process process, int port, Path log) {

        static App start(Path jar, String jdbcUrl, int port) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = Files.createTempFile("chainwise-load-app", ".log");
            List<String> command = new ArrayList<>(List.of(java));
            // Extra JVM options for the application only, such as a flight recording: CHAINWISE_LOAD_APP_JAVA_OPTIONS.
            String options = System.getenv().getOrDefault("CHAINWISE_LOAD_APP_JAVA_OPTIONS", "").strip();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DATABASE_URL", jdbcUrl);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("CHAINWISE_DEV_SIGN_IN", "true");
            report("application log: " + log);
            return new App(builder.start(), port, log);
        }

        /** Waits for the application's practice engine to finish warming (its pools and CAS verdicts), off the clock. */
        void awaitWarm() throws InterruptedException, IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.readString(log).contains("Practice engine warm")) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the practice engine did not warm within 300 s; see " + log);
        }

        void awaitHealthy() throws InterruptedException {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the application did not answer /health within 120 s");
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            }
        }
    }

    private static String settings(EmbeddedPostgres postgres) throws SQLException {
        // The embedded database's own settings, as the server runs them (a setting the server refused would show).
        List<String> names = EmbeddedPostgresSettings.SETTINGS.keySet().stream().sorted().toList();
        StringBuilder running = new StringBuilder();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement read = c.prepareStatement("SELECT current_setting(?)")) {
            for (String name : names) {
                read.setString(1, name);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    running.append(running.isEmpty() ? "" : " ").append(name).append('=').append(row.getString(1));
                }
            }
        }
        return running.toString();
    }

    /** Checkpoints and autovacuum/autoanalyze runs so far: what the server did besides the learners' work. */
    private static long[] housekeeping(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT (SELECT num_timed + num_requested FROM pg_stat_checkpointer),"
                        + " (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables)")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /** CPU time a process has used so far (user and system), or 0 when the platform does not say. */
    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time of the PostgreSQL server this generator started: its postmaster (named in
     * postmaster.pid: pg_ctl detaches it, so it is no descendant of this process) and the backends
     * and workers it forked. A backend that has exited takes its time with it, but the application's
     * pooled connections live through the run.
     */
    private long postgresCpuNanos() {
        try {
            long pid = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid).map(postmaster -> cpuNanos(postmaster)
                    + postmaster.descendants().mapToLong(LoadGenerator::cpuNanos).sum()).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(String line) {
        System.out.println("load: " + line);
    }
}
