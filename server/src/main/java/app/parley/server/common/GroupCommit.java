package app.parley.server.common;

import app.parley.server.errors.TooManyRequestsException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that many callers make at once (messages above all) committed together: SQLite has one
 * writer, and a transaction per message made its commit, not the work, the limit.
 *
 * <p>Callers queue their writes; one writer thread takes every write waiting (up to
 * {@code max-batch}), runs each in one transaction inside a savepoint of its own, commits once,
 * and then runs what each committed write left for after the commit (its realtime events) in the
 * order the writes ran, before it lets go of the database's writer permit: so events go out in
 * commit order, against every other write too, as they did with a transaction per message. (A
 * separate publisher thread that sent a batch's events while the next one was stored let other
 * writes' events overtake them, a read position before the message it read, say, for a gain of
 * 0.04 of a core.) A caller hears back once its events are out. A write that fails rolls back to
 * its savepoint and fails alone; the others commit. Nobody waits for company: the writer takes a lone
 * write at once, and the writes that arrive while a batch commits make the next one. (Callers
 * taking turns to lead instead made every caller in a batch queue for the leader's lock just to
 * collect its result; that convoy, not the database, became the limit.)
 *
 * <p>Under overload the queue does not grow into a backlog of seconds: when the oldest waiting
 * write has waited longer than {@code max-wait}, or {@code max-waiting} writes wait, a new write
 * is refused at once ({@code 429 slow_down}) and changes nothing, so its sender knows it was not
 * stored and can send it again later; and a write that has waited longer than {@code max-wait}
 * by the time the writer takes it is refused then, so none is stored later than that.
 */
@Singleton
public class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final Write<Void> STOP = new Write<>(() -> null, 0, 0);
    private static final TransactionDefinition ONE_WRITE =
            TransactionDefinition.of(TransactionDefinition.Propagation.NESTED);

    private final TransactionOperations<Connection> transactions;
    private final GroupCommitSettings settings;
    private final LinkedBlockingQueue<Write<?>> waiting = new LinkedBlockingQueue<>();
    private final ScopedValue<Write<?>> running = ScopedValue.newInstance();
    private final AtomicLong transactionsCommitted = new AtomicLong();
    private final AtomicLong writesCommitted = new AtomicLong();
    private final Thread writer;
    private volatile boolean stopping;

    public GroupCommit(TransactionOperations<Connection> transactions, GroupCommitSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
        this.writer = Thread.ofPlatform().name("parley-writer").daemon(true).unstarted(this::commitWhileRunning);
        writer.start();
    }

    /**
     * Runs {@code work} in a transaction, committed together with other callers' writes, and
     * returns its result once committed and once its after-commit actions have run. Inside a
     * transaction already, {@code work} simply joins it.
     *
     * @throws TooManyRequestsException {@code slow_down}, when writes already wait too long
     */
    public <T> T write(Supplier<T> work) {
        return write(work, System.nanoTime());
    }

    /**
     * The same for a write that reached the server at {@code receivedNanos} ({@link
     * System#nanoTime()}) and waited elsewhere since (in its socket's queue of frames, say): that
     * wait counts towards {@code max-wait}.
     */
    public <T> T write(Supplier<T> work, long receivedNanos) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();
        }
        if (stopping) {
            throw new IllegalStateException("the server is stopping and stores nothing more");
        }
        admit(receivedNanos);
        Write<T> mine = new Write<>(work, receivedNanos, System.nanoTime());
        waiting.add(mine);
        while (!mine.awaitFinished()) {
            if (!writer.isAlive()) {
                waiting.remove(mine);
                if (!mine.finished()) {
                    throw new IllegalStateException("the server stopped before storing this");
                }
            }
        }
        return mine.outcome();
    }

    /**
     * Stores what is already queued, then stops the writer. Woken by a marker in the queue, not
     * an interrupt, which would fail the batch it is storing (waiting for the writer permit, say).
     */
    @PreDestroy
    public void stop() throws InterruptedException {
        stopping = true;
        waiting.add(STOP);
        writer.join(Duration.ofSeconds(30));
    }

    /** Batches committed so far; with {@link #writesCommitted()}, how well writes share commits. */
    public long transactionsCommitted() {
        return transactionsCommitted.get();
    }

    /** Writes committed so far, in all batches. */
    public long writesCommitted() {
        return writesCommitted.get();
    }

    /** Writes queued and not yet taken into a batch. */
    public int waitingWrites() {
        return waiting.size();
    }

    /** The write this thread runs as part of a batch, whose after-commit actions wait for the batch. */
    Optional<Write<?>> runningWrite() {
        return running.isBound() ? Optional.of(running.get()) : Optional.empty();
    }

    private static TooManyRequestsException overloaded() {
        return TooManyRequestsException.slowDown(
                "the server has more writes waiting than it can store promptly; send again in a moment",
                Duration.ofSeconds(1));
    }

    private void admit(long receivedNanos) {
        Write<?> oldest = waiting.peek();
        long now = System.nanoTime();
        // The backlog is how long the oldest has waited here; a socket frame's wait in its own
        // socket's queue counts only against that frame (see refuseLate), not against everyone.
        long waitedNanos = Math.max(now - receivedNanos, oldest == null ? 0 : now - oldest.queuedAt);
        if (waitedNanos > settings.maxWait().toNanos() || waiting.size() >= settings.maxWaiting()) {
            throw overloaded();
        }
    }

    private void commitWhileRunning() {
        List<Write<?>> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            try {
                if (stopping && waiting.isEmpty()) {
                    return;
                }
                Write<?> first = waiting.take();
                batch.add(first);
                waiting.drainTo(batch, settings.maxBatch() - 1);
            } catch (InterruptedException e) {
                continue; // only stop() ends the loop, once the queue is empty
            }
            batch.remove(STOP);
            refuseLate(batch);
            try {
                commitBatch(batch);
            } catch (Throwable e) {
                // The writer must outlive anything one batch does; its writers hear of the failure.
                LOG.error("A batch of writes failed", e);
                failUnfinished(batch, e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
            batch.clear();
        }
    }

    /**
     * Refuses the writes of a batch that waited longer than {@code max-wait} since they reached
     * the server: stored now, they would be delivered late, and their senders would not know why.
     */
    private void refuseLate(List<Write<?>> batch) {
        long now = System.nanoTime();
        long maxWait = settings.maxWait().toNanos();
        batch.removeIf(write -> {
            if (now - write.receivedAt > maxWait) {
                write.fail(overloaded());
                return true;
            }
            return false;
        });
    }

    private void commitBatch(List<Write<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            commit(batch);
        } catch (RuntimeException e) {
            if (batch.stream().anyMatch(Write::committed)) {
                // Stored: trying again would store the writes twice. Only what never finished fails.
                failUnfinished(batch, e);
            } else if (batch.size() == 1) {
                batch.getFirst().fail(e);
            } else {
                // The batch as a whole failed (its commit, say): each write is tried again alone,
                // so that one write's trouble is its own.
                for (Write<?> write : batch) {
                    if (write.finished()) {
                        continue; // refused in its savepoint: its caller has its answer
                    }
                    write.reset();
                    try {
                        commit(List.of(write));
                    } catch (RuntimeException alone) {
                        if (!write.committed()) {
                            write.fail(alone);
                        }
                    }
                }
            }
        }
        failUnfinished(
                batch, new IllegalStateException("a write was taken into a batch and neither stored nor refused"));
    }

    /** Fails the writes of a batch that were neither refused nor stored (a stored one finishes once published). */
    private static void failUnfinished(List<Write<?>> batch, RuntimeException cause) {
        for (Write<?> write : batch) {
            if (!write.finished() && !write.committed()) {
                write.fail(cause);
            }
        }
    }

    private void commit(List<Write<?>> batch) {
        transactions.executeWrite(status -> {
            List<Write<?>> stored = new ArrayList<>(batch.size());
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    transactionsCommitted.incrementAndGet();
                    writesCommitted.addAndGet(stored.size());
                    stored.forEach(Write::markCommitted);
                    // Still holding the writer permit: these events go out before any later
                    // write's, in the order of the writes.
                    stored.forEach(Write::afterCommit);
                }

                @Override
                public void afterCompletion(Status outcome) {
                    if (outcome == Status.ROLLED_BACK) {
                        for (Write<?> write : stored) {
                            write.afterRollback();
                        }
                    }
                }
            });
            for (Write<?> write : batch) {
                if (runNested(write)) {
                    stored.add(write);
                }
            }
            return null;
        });
    }

    /**
     * Runs one write in a nested transaction (a savepoint): if it fails, what it wrote is rolled
     * back and it fails alone. Nested rather than a bare savepoint because code inside may start
     * a transaction of its own (a service method marked {@code @Transactional}): one that fails
     * then marks only this write's transaction for rollback, not the whole batch's.
     */
    private boolean runNested(Write<?> write) {
        try {
            transactions.execute(ONE_WRITE, status -> {
                ScopedValue.where(running, write).run(write::run);
                return null;
            });
        } catch (TransactionSystemException e) {
            // The savepoint could not be rolled back to (or released): what this write left behind
            // is unknown, so the batch cannot go on; all of it is tried again.
            throw e;
        } catch (RuntimeException e) {
            write.fail(e);
            write.afterRollback();
            return false;
        }
        return true;
    }

    /** One caller's write, its outcome and what it left for after the commit or a rollback. */
    static final class Write<T> {
        private final Supplier<T> work;
        private final long receivedAt;
        private final long queuedAt;
        private final List<Runnable> afterCommit = new ArrayList<>(4);
        private final List<Runnable> afterRollback = new ArrayList<>(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean finished;
        private boolean committed;
        private T result;
        private RuntimeException failure;

        Write(Supplier<T> work, long receivedAt, long queuedAt) {
            this.work = work;
            this.receivedAt = receivedAt;
            this.queuedAt = queuedAt;
        }

        void onCommit(Runnable action) {
            afterCommit.add(action);
        }

        void onRollback(Runnable action) {
            afterRollback.add(action);
        }

        private void run() {
            result = work.get();
        }

        private void markCommitted() {
            committed = true;
        }

        private void afterCommit() {
            try {
                for (Runnable action : afterCommit) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        // The write is stored whatever an action does; the next writes' actions still run.
                        LOG.error("An action after a write's commit failed", e);
                    }
                }
            } finally {
                finish(); // even after an Error: its caller must not wait for ever
            }
        }

        private void afterRollback() {
            afterRollback.forEach(Runnable::run);
            afterCommit.clear();
            afterRollback.clear();
        }

        private void fail(RuntimeException e) {
            failure = e;
            result = null;
            finish();
        }

        private void finish() {
            finished = true;
            done.countDown();
        }

        private boolean committed() {
            return committed;
        }

        private void reset() {
            afterCommit.clear();
            afterRollback.clear();
            result = null;
        }

        boolean finished() {
            return finished;
        }

        /**
         * Waits a while for the writer, even when interrupted: a write taken may still commit, and
         * the caller must know.
         */
        private boolean awaitFinished() {
            try {
                return done.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                boolean finishedMeanwhile = awaitFinished();
                Thread.currentThread().interrupt();
                return finishedMeanwhile;
            }
        }

        private T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
