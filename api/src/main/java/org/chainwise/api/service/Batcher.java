package org.chainwise.api.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.chainwise.api.web.ApiException;

/**
 * Requests of many threads run together: a few writer threads each take the requests waiting and
 * run them as one batch (one transaction), so that a class answering at once shares one commit and
 * one execution of each statement instead of paying both for every answer. Under light load a batch
 * is one request and waits for nothing; the busier the server, the larger the batches.
 *
 * <p>While another batch of the same kind runs, a writer that has found requests first gathers more
 * for a short while ({@code gather}), or until its batch is full: statements and commits cost
 * PostgreSQL about as much for ten requests as for three, and at the machine's limit the requests
 * arriving meanwhile would otherwise make the next small batch. Waking the gatherer only when its batch is
 * full, not on every request, is what keeps the gathering cheap.
 *
 * <p>A batch holds at most one request per key (a learner): a second request of the same key waits
 * for a later batch, so no statement of a batch meets one learner twice. When a batch fails as a
 * whole (a deadlock, a constraint), each of its requests runs again alone, so one bad request fails
 * only itself. A caller waits at most {@code timeout}, then gets 503: the work may still be done,
 * which is why only idempotent work (answers keyed by their submission id) goes through here.
 */
final class Batcher<I, O> implements AutoCloseable {

    /** Runs a batch in one transaction: one result per request, in order. */
    @FunctionalInterface
    interface Work<I, O> {
        List<Result<O>> run(List<I> batch);
    }

    /** A request's result: its value, or the refusal (a 4xx) that is its answer. */
    sealed interface Result<O> {
        record Done<O>(O value) implements Result<O> {
        }

        record Refused<O>(RuntimeException reason) implements Result<O> {
        }
    }

    private record Pending<I, O>(I request, Object key, CompletableFuture<O> result) {
    }

    private final Work<I, O> work;
    private final Function<I, Object> key;
    private final int maxBatch;
    private final long timeoutMillis;
    private final long gatherNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    /** Signalled when the gathering writer's batch is full. */
    private final Condition full = lock.newCondition();
    private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    private final List<Thread> writers = new ArrayList<>();
    private boolean closed;
    /** Batches being run now. */
    private int running;
    /** Whether a writer is gathering requests for its batch (the other writers leave the queue to it meanwhile). */
    private boolean gathering;

    Batcher(String name, int writerCount, int maxBatch, Duration gather, long timeoutMillis, Function<I, Object> key,
            Work<I, O> work) {
        this.work = work;
        this.key = key;
        this.maxBatch = maxBatch;
        this.timeoutMillis = timeoutMillis;
        this.gatherNanos = gather.toNanos();
        for (int i = 1; i <= writerCount; i++) {
            writers.add(Thread.ofPlatform().daemon().name(name + "-" + i).start(this::write));
        }
    }

    /** Runs the request in the next batch that can take it and returns its value, or throws its refusal. */
    O run(I request) {
        Pending<I, O> pending = new Pending<>(request, key.apply(request), new CompletableFuture<>());
        lock.lock();
        try {
            if (closed) {
                throw stopping();
            }
            queue.add(pending);
            if (!gathering) {
                waiting.signal();
            } else if (queue.size() >= maxBatch) {
                full.signal();
            }
        } finally {
            lock.unlock();
        }
        try {
            return pending.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException("a batch failed", e.getCause());
        } catch (TimeoutException e) {
            throw ApiException.busy("The server is too busy to answer in time: send the same request again (it is counted once).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private static ApiException stopping() {
        return ApiException.busy("The server is stopping: send the same request again in a moment (it is counted once).");
    }

    private void write() {
        while (true) {
            List<Pending<I, O>> batch = take();
            if (batch.isEmpty()) {
                return;
            }
            List<Result<O>> results = null;
            Throwable failure = null;
            try {
                results = runAll(batch);
            } catch (Throwable t) {
                failure = t;
            }
            // Before the callers hear: a learner's next request must not find this batch still running and gather.
            finished();
            if (failure == null) {
                complete(batch, results);
            } else {
                for (Pending<I, O> p : batch) {
                    p.result().completeExceptionally(failure);
                }
            }
        }
    }

    private void finished() {
        lock.lock();
        try {
            running--;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next batch: the oldest waiting requests, one per key, at most {@code maxBatch}, gathered
     * for a while when another batch runs; empty once closed.
     */
    private List<Pending<I, O>> take() {
        lock.lock();
        try {
            while ((queue.isEmpty() || gathering) && !closed) {
                waiting.awaitUninterruptibly();
            }
            if (running > 0) {
                gather();
            }
            List<Pending<I, O>> batch = new ArrayList<>();
            Set<Object> keys = new HashSet<>();
            for (Iterator<Pending<I, O>> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
                Pending<I, O> pending = it.next();
                if (keys.add(pending.key())) {
                    it.remove();
                    batch.add(pending);
                }
            }
            if (!batch.isEmpty()) {
                running++;
            }
            if (!queue.isEmpty()) {
                waiting.signal();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (holding the queue to itself) until {@code maxBatch} requests wait, {@code gather} has passed, or the batcher closes. */
    private void gather() {
        gathering = true;
        try {
            long left = gatherNanos;
            while (left > 0 && queue.size() < maxBatch && !closed) {
                left = full.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gathering = false;
        }
    }

    private List<Result<O>> runAll(List<Pending<I, O>> batch) {
        List<I> requests = batch.stream().map(Pending::request).toList();
        try {
            return work.run(requests);
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                return List.of(new Result.Refused<>(failure));
            }
            List<Result<O>> alone = new ArrayList<>();
            for (I request : requests) {
                try {
                    alone.add(work.run(List.of(request)).getFirst());
                } catch (RuntimeException own) {
                    alone.add(new Result.Refused<>(own));
                }
            }
            return alone;
        }
    }

    private static <I, O> void complete(List<Pending<I, O>> batch, List<Result<O>> results) {
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<O> future = batch.get(i).result();
            switch (results.get(i)) {
                case Result.Done<O> done -> future.complete(done.value());
                case Result.Refused<O> refused -> future.completeExceptionally(refused.reason());
            }
        }
    }

    /** How many requests wait for a batch now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking requests; the writers finish their batches, and requests still waiting are answered 503. */
    @Override
    public void close() {
        List<Pending<I, O>> left;
        lock.lock();
        try {
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            waiting.signalAll();
            full.signalAll();
        } finally {
            lock.unlock();
        }
        left.forEach(p -> p.result().completeExceptionally(stopping()));
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
