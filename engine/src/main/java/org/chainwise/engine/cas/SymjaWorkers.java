package org.chainwise.engine.cas;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;

/**
 * A fixed number of daemon threads, each with its own Symja engine, that run a computation under a
 * hard time limit. On timeout the computation is interrupted and its engine asked to stop; because
 * some Symja code (polynomial arithmetic in JAS) does not look at either, the worker is then
 * abandoned and replaced by a fresh one as soon as the abandoned computation ends, so the caller
 * never waits past its limit and the number of threads stays bounded.
 */
final class SymjaWorkers {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final BlockingQueue<Worker> idle;

    SymjaWorkers(int size) {
        initialiseSymja();
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(new Worker());
        }
    }

    /** The computation's result, or empty if it did not finish within {@code limit} or failed. */
    <T> Optional<T> run(Function<EvalEngine, T> computation, Duration limit) {
        if (!limit.isPositive()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Worker worker;
        try {
            worker = idle.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (worker == null) {
            return Optional.empty();
        }
        // Whoever sets this first owns the worker's fate: the computation finishing, or the caller giving up.
        AtomicBoolean settled = new AtomicBoolean();
        Future<T> future = worker.executor.submit(() -> {
            try {
                return computation.apply(worker.engine());
            } finally {
                if (!settled.compareAndSet(false, true)) {
                    // The caller gave up on this worker; its replacement may start now.
                    idle.add(new Worker());
                }
            }
        });
        try {
            T result = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            idle.add(worker);
            return Optional.ofNullable(result);
        } catch (ExecutionException e) {
            // Symja signals limits (recursion, iteration, its own timeout) and unsupported input with
            // exceptions; none of them is an answer, and the worker is still sound.
            idle.add(worker);
            return Optional.empty();
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (settled.compareAndSet(false, true)) {
                worker.abandon();
            } else {
                idle.add(worker);
            }
            return Optional.empty();
        }
    }

    private static synchronized void initialiseSymja() {
        // Symja logs through Log4j and SLF4J with no backend here; their start-up complaints are noise on stderr.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        // No file access and modest sizes: even a hostile expression tree can only compute, not act.
        Config.FILESYSTEM_ENABLED = false;
        Config.MAX_AST_SIZE = 20_000;
        Config.MAX_BIT_LENGTH = 20_000;
        Config.MAX_POLYNOMIAL_DEGREE = 200;
        Config.MAX_INPUT_LEAVES = 10_000;
        F.initSymbols();
    }

    /** One thread with its own engine; engines are per thread in Symja. */
    private final class Worker {

        private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "symja-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        private volatile EvalEngine engine;

        EvalEngine engine() {
            if (engine == null) {
                // Symja prints its messages ("Infinite expression 1/0") to the engine's streams, which
                // default to System.out: the grade command's JSON Lines must not receive them.
                PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
                engine = new EvalEngine("chainwise", 256, 20_000, silent, silent, true);
                engine.setQuietMode(true);
                EvalEngine.set(engine);
            }
            engine.setStopRequested(false);
            return engine;
        }

        /** Stops the running computation as far as Symja allows; the thread ends when it returns. */
        void abandon() {
            EvalEngine current = engine;
            if (current != null) {
                current.stopRequest();
            }
            // Interrupts the computation; a computation that never started is handed back instead.
            if (!executor.shutdownNow().isEmpty()) {
                idle.add(new Worker());
            }
        }
    }
}
