package org.chainwise.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chainwise.api.web.ApiException;
import org.junit.jupiter.api.Test;

class BatcherTest {

    /** A request: whose it is, and what it asks. */
    private record Request(String learner, int value) {
    }

    private final List<List<Request>> batches = Collections.synchronizedList(new ArrayList<>());

    /** Doubles every value; a value of -1 fails its whole batch (as a failing statement would), 0 is refused alone. */
    private List<Batcher.Result<Integer>> doubling(List<Request> batch) {
        batches.add(List.copyOf(batch));
        if (batch.stream().anyMatch(r -> r.value() == -1)) {
            throw new IllegalStateException("a statement of this batch failed");
        }
        return batch.stream().<Batcher.Result<Integer>>map(r -> r.value() == 0
                ? new Batcher.Result.Refused<>(ApiException.conflict("zero", "zero is refused"))
                : new Batcher.Result.Done<>(r.value() * 2)).toList();
    }

    @Test
    void requestsWaitingTogetherRunAsOneBatchWithAtMostOneRequestPerKey() throws Exception {
        try (HeldByZoe held = new HeldByZoe()) {
            // While the one writer is busy, these wait: ana twice, ben once.
            List<Future<Integer>> waiting = held.queue(List.of(new Request("ana", 1), new Request("ben", 2), new Request("ana", 3)));
            held.release();

            assertThat(held.blocker().get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(waiting.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(waiting.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(waiting.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(6);
        }
        assertThat(batches).containsExactly(List.of(new Request("zoe", 100)),
                List.of(new Request("ana", 1), new Request("ben", 2)), List.of(new Request("ana", 3)));
    }

    @Test
    void aRefusalAnswersOnlyItsOwnRequestAndABatchThatFailsRunsEachRequestAlone() throws Exception {
        try (HeldByZoe held = new HeldByZoe()) {
            List<Future<Integer>> waiting = held.queue(
                    List.of(new Request("ana", 1), new Request("ben", -1), new Request("cy", 0), new Request("dee", 4)));
            held.release();
            held.blocker().get(10, TimeUnit.SECONDS);

            assertThat(waiting.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThatThrownBy(() -> waiting.get(1).get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> waiting.get(2).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ApiException.class);
            assertThat(waiting.get(3).get(10, TimeUnit.SECONDS)).isEqualTo(8);
        }
        // The batch of four failed as a whole; then each ran alone.
        assertThat(batches.subList(1, batches.size())).containsExactly(
                List.of(new Request("ana", 1), new Request("ben", -1), new Request("cy", 0), new Request("dee", 4)),
                List.of(new Request("ana", 1)), List.of(new Request("ben", -1)), List.of(new Request("cy", 0)),
                List.of(new Request("dee", 4)));
    }

    @Test
    void whileABatchRunsTheNextGathersTheRequestsArrivingMeanwhile() throws Exception {
        try (HeldByZoe held = new HeldByZoe(2, 64, Duration.ofSeconds(1))) {
            // The second writer finds ana while zoe's batch runs, so it waits for ben (both stay queued meanwhile).
            List<Future<Integer>> waiting = held.queue(List.of(new Request("ana", 1), new Request("ben", 2)));

            assertThat(waiting.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(waiting.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(4);
        }
        assertThat(batches).containsExactlyInAnyOrder(List.of(new Request("zoe", 100)),
                List.of(new Request("ana", 1), new Request("ben", 2)));
    }

    @Test
    void aGatheredBatchRunsAsSoonAsItIsFull() throws Exception {
        try (HeldByZoe held = new HeldByZoe(2, 2, Duration.ofMinutes(10))) {
            Future<Integer> ana = held.queue(List.of(new Request("ana", 1))).getFirst();
            Future<Integer> ben = held.send(new Request("ben", 2));

            // Long before the ten minutes of gathering are over.
            assertThat(ana.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(ben.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        }
    }

    @Test
    void aRequestAloneWaitsForNoOtherEvenWithGathering() {
        // Timed out after 10 s if it gathered for its ten minutes.
        try (Batcher<Request, Integer> batcher = new Batcher<>("test", 2, 64, Duration.ofMinutes(10), 10_000, Request::learner,
                this::doubling)) {
            assertThat(batcher.run(new Request("ana", 1))).isEqualTo(2);
            assertThat(batcher.run(new Request("ana", 2))).isEqualTo(4);
        }
    }

    @Test
    void aCallerWaitsNoLongerThanItsTimeoutAndIsToldToSendTheSameRequestAgain() {
        CountDownLatch release = new CountDownLatch(1);
        try (Batcher<Request, Integer> batcher = new Batcher<>("test", 1, 64, Duration.ZERO, 200, Request::learner, batch -> {
            await(release);
            return doubling(batch);
        })) {
            assertThatThrownBy(() -> batcher.run(new Request("ana", 1)))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().getCode()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("send the same request again");
                    });
            release.countDown();
        }
    }

    @Test
    void onceClosedItRefusesNewRequestsWith503() {
        Batcher<Request, Integer> batcher = new Batcher<>("test", 2, 64, Duration.ZERO, 10_000, Request::learner, this::doubling);
        assertThat(batcher.run(new Request("ana", 5))).isEqualTo(10);
        batcher.close();

        assertThatThrownBy(() -> batcher.run(new Request("ana", 6)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().getCode()).isEqualTo(503));
    }

    /**
     * A writer busy with zoe's request (value 100) until {@link #release}: with one writer, requests
     * sent meanwhile wait in the queue, in the order {@link #queue} sends them; with more, the others
     * take them.
     */
    private final class HeldByZoe implements AutoCloseable {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        private final Batcher<Request, Integer> batcher;
        private final Future<Integer> blocker;

        HeldByZoe() throws InterruptedException {
            this(1, 64, Duration.ZERO);
        }

        HeldByZoe(int writers, int maxBatch, Duration gather) throws InterruptedException {
            batcher = new Batcher<>("test", writers, maxBatch, gather, 10_000, Request::learner, batch -> {
                if (batch.getFirst().value() == 100) {
                    started.countDown();
                    await(released);
                }
                return doubling(batch);
            });
            blocker = send(new Request("zoe", 100));
            started.await(10, TimeUnit.SECONDS);
        }

        /** Sends the requests one after the other, each once the one before waits in the queue. */
        List<Future<Integer>> queue(List<Request> requests) throws InterruptedException {
            List<Future<Integer>> waiting = new ArrayList<>();
            for (Request r : requests) {
                waiting.add(send(r));
                awaitQueued(batcher, waiting.size());
            }
            return waiting;
        }

        Future<Integer> send(Request request) {
            return callers.submit(() -> batcher.run(request));
        }

        void release() {
            released.countDown();
        }

        Future<Integer> blocker() {
            return blocker;
        }

        @Override
        public void close() {
            released.countDown();
            batcher.close();
            callers.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until {@code n} requests are queued, so that the order they were sent in is the order they wait in. */
    private static void awaitQueued(Batcher<?, ?> batcher, int n) throws InterruptedException {
        for (int i = 0; i < 1_000 && batcher.waiting() < n; i++) {
            Thread.sleep(5);
        }
        assertThat(batcher.waiting()).isEqualTo(n);
    }
}
