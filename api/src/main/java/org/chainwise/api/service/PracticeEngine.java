package org.chainwise.api.service;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.VariantPool;
import org.chainwise.bank.answer.ItemGrader;
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

    private final CompletableFuture<Parts> parts = new CompletableFuture<>();
    private volatile boolean started;

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    /** Starts making the parts on a background thread (once; later calls do nothing). */
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
                // Every family's pool, so that the first learner of a set waits for nothing.
                made.bank().familyNames().forEach(made.pool()::variants);
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
        ItemBank bank = ItemBank.standard();
        Grader grader = GradeResponse.standardGrader();
        return new Parts(bank, new VariantPool(bank, POOL_SIZE), grader, new ItemGrader(grader),
                new StudentModel(ModelParameters.DEFAULT), ChainRulePage.standard());
    }

    /** The family names of the bank, for validating a set definition. */
    public List<String> familyNames() {
        return parts().bank().familyNames();
    }
}
