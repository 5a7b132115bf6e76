package org.chainwise.api.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.VariantPool;
import org.chainwise.bank.answer.ItemGrader;
import org.chainwise.bank.family.Families;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.verify.ItemVerifier;
import org.chainwise.engine.cas.SymjaEquivalence;
import org.chainwise.engine.check.Checker;
import org.chainwise.bank.concept.ChainRulePage;
import org.chainwise.engine.check.Grader;
import org.chainwise.engine.cli.GradeResponse;
import org.chainwise.engine.mastery.ModelParameters;
import org.chainwise.engine.mastery.StudentModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mathematics the practice API serves, made once per process: the question bank with its pool
 * of verified variants, the grader (shared by items and {@code POST /check}, so its caches serve
 * both), the student model and the chain-rule page. Symja's start-up and the pools cost seconds, so
 * they are made on their own thread once the server is up, off the path of the first request;
 * a request that needs them before then waits for them.
 */
@Singleton
public class PracticeEngine implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeEngine.class);

    /** Variants pooled per family: more than a learner sees of one family before mastering its skills. */
    static final int POOL_SIZE = 16;

    /** What the engine is made of, once made. */
    public record Parts(ItemBank bank, VariantPool pool, Grader grader, ItemGrader items, StudentModel model,
            ChainRulePage page) {
    }

    /** Whether to pool every family and grade every pooled item at start-up (off in tests: seconds of CPU each). */
    public static final String WARM_UP = "chainwise.practice.warm-up";

    private final CompletableFuture<Parts> parts = new CompletableFuture<>();
    private final boolean warmUp;
    private volatile boolean started;
    private volatile boolean stopped;

    PracticeEngine(@Value("${" + WARM_UP + ":true}") boolean warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (warmUp) {
            start();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    /**
     * Starts making the parts on a background thread (once; later calls do nothing), then, when
     * warming up, pools every family and has the CAS judge each pooled item's right answer (the
     * checker caches the verdicts), so that the first learners of a set wait for neither.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread.ofPlatform().name("practice-warm-up").daemon(true).start(() -> {
            try {
                long begin = System.nanoTime();
                Parts made = make();
                parts.complete(made);
                for (String family : made.bank().familyNames()) {
                    for (Item item : made.pool().variants(family)) {
                        if (stopped || !warmUp) {
                            return;
                        }
                        made.items().grade(item, ItemGrader.rightAnswer(item));
                    }
                }
                LOG.info("Practice engine warm: {} families pooled in {} ms", made.bank().familyNames().size(),
                        (System.nanoTime() - begin) / 1_000_000);
            } catch (RuntimeException | Error e) {
                parts.completeExceptionally(e);
                LOG.error("The practice engine could not be made", e);
            }
        });
    }

    /** The parts, waiting for them while they are still being made. */
    public Parts parts() {
        start();
        return parts.join();
    }

    private static Parts make() {
        SymjaEquivalence.warmUp();
        // One checker verifies the bank's items and grades answers: one cache of CAS decisions.
        Checker checker = new Checker(new SymjaEquivalence(), GradeResponse.CACHED_DECISIONS);
        ItemBank bank = new ItemBank(Families.all(), new ItemVerifier(checker));
        Grader grader = new Grader(checker, GradeResponse.CACHED_ITEMS);
        return new Parts(bank, new VariantPool(bank, POOL_SIZE), grader, new ItemGrader(grader),
                new StudentModel(ModelParameters.DEFAULT), ChainRulePage.standard());
    }

    /** The family names of the bank, for validating a set definition. */
    public List<String> familyNames() {
        return parts().bank().familyNames();
    }
}
