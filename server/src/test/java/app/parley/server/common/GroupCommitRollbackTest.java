package app.parley.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.server.support.RunningServer;
import app.parley.server.support.TestStorage;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes that share a transaction: one that fails after writing rolls back to its savepoint
 * alone, and what it left for after the commit never runs; the others commit, and their
 * after-commit actions run in the order they wrote.
 */
class GroupCommitRollbackTest {
    private static final int WRITES = 200;

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    void aWriteThatFailsAfterWritingLeavesNothingAndTheOthersCommit() throws Exception {
        GroupCommit groupCommit = server.bean(GroupCommit.class);
        TransactionHooks hooks = server.bean(TransactionHooks.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = server.bean(TransactionOperations.class);
        groupCommit.write(() ->
                execute(transactions, "CREATE TABLE scratch (" + TestStorage.idColumn() + ", n INTEGER NOT NULL)"));
        List<Integer> announced = new CopyOnWriteArrayList<>();
        List<Integer> undone = new CopyOnWriteArrayList<>();
        long transactionsBefore = groupCommit.transactionsCommitted();

        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < WRITES; i++) {
                int n = i;
                outcomes.add(senders.submit(() -> {
                    start.await();
                    try {
                        groupCommit.write(() -> {
                            execute(transactions, "INSERT INTO scratch (n) VALUES (" + n + ")");
                            hooks.afterCommit(() -> announced.add(n));
                            hooks.afterRollback(() -> undone.add(n));
                            if (n % 3 == 0) {
                                throw new IllegalArgumentException("refused " + n);
                            }
                            return n;
                        });
                        return true;
                    } catch (IllegalArgumentException refused) {
                        assertEquals("refused " + n, refused.getMessage());
                        return false;
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < WRITES; i++) {
                assertEquals(i % 3 != 0, outcomes.get(i).get(1, TimeUnit.MINUTES), "write " + i);
            }
        }

        List<Integer> stored = groupCommit.write(() -> query(transactions));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            if (i % 3 != 0) {
                expected.add(i);
            }
        }
        assertEquals(expected, stored.stream().sorted().toList(), "only the writes that succeeded are stored");
        assertEquals(stored, announced, "after-commit actions of the stored writes, in the order they wrote");
        assertEquals(WRITES - expected.size(), undone.size(), "each failed write's undo ran, and only theirs");
        assertTrue(undone.stream().allMatch(n -> n % 3 == 0));
        assertTrue(groupCommit.transactionsCommitted() - transactionsBefore < expected.size(), "writes shared commits");
    }

    @Test
    void aWriteWhoseInnerTransactionFailsFailsAloneAndTheBatchStillCommitsOnce() throws Exception {
        GroupCommit groupCommit = server.bean(GroupCommit.class);
        TransactionHooks hooks = server.bean(TransactionHooks.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = server.bean(TransactionOperations.class);
        groupCommit.write(() -> execute(
                transactions, "CREATE TABLE inner_failures (" + TestStorage.idColumn() + ", n INTEGER NOT NULL)"));
        List<Integer> announced = new CopyOnWriteArrayList<>();
        List<Integer> undone = new CopyOnWriteArrayList<>();
        List<Integer> runs = new CopyOnWriteArrayList<>();

        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            // The writer is kept busy while the writes queue, so that they make one batch.
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> blocker = senders.submit(() -> groupCommit.write(() -> {
                writerBusy.countDown();
                await(release);
                return null;
            }));
            assertTrue(writerBusy.await(1, TimeUnit.MINUTES));
            long transactionsBefore = groupCommit.transactionsCommitted();
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                int n = i;
                outcomes.add(senders.submit(() -> {
                    try {
                        groupCommit.write(() -> {
                            runs.add(n);
                            execute(transactions, "INSERT INTO inner_failures (n) VALUES (" + n + ")");
                            hooks.afterCommit(() -> announced.add(n));
                            hooks.afterRollback(() -> undone.add(n));
                            if (n % 3 == 1) {
                                // As a service method marked @Transactional does when it refuses.
                                transactions.executeWrite(status -> {
                                    throw new IllegalArgumentException("refused " + n);
                                });
                            }
                            return n;
                        });
                        return true;
                    } catch (IllegalArgumentException refused) {
                        return false;
                    }
                }));
                while (groupCommit.waitingWrites() < i + 1) {
                    Thread.onSpinWait();
                }
            }
            release.countDown();
            blocker.get(1, TimeUnit.MINUTES);
            for (int i = 0; i < 9; i++) {
                assertEquals(i % 3 != 1, outcomes.get(i).get(1, TimeUnit.MINUTES), "write " + i);
            }
            long commits = groupCommit.transactionsCommitted() - transactionsBefore;

            assertEquals(
                    List.of(0, 2, 3, 5, 6, 8),
                    groupCommit.write(() -> query(transactions, "inner_failures")),
                    "the refused writes left nothing, the others are stored");
            assertEquals(List.of(0, 2, 3, 5, 6, 8), announced, "each stored write announced once, in order");
            assertEquals(List.of(1, 4, 7), undone, "only the refused writes were undone");
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), runs, "no write ran twice");
            assertEquals(2, commits, "the queued writes shared one commit (with the one that kept the writer busy)");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void insideATransactionAWriteJoinsIt() {
        GroupCommit groupCommit = server.bean(GroupCommit.class);
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = server.bean(TransactionOperations.class);
        groupCommit.write(() ->
                execute(transactions, "CREATE TABLE joined (" + TestStorage.idColumn() + ", n INTEGER NOT NULL)"));

        assertThrows(
                IllegalStateException.class,
                () -> transactions.executeWrite(status -> {
                    groupCommit.write(() -> execute(transactions, "INSERT INTO joined (n) VALUES (1)"));
                    throw new IllegalStateException("the outer transaction fails");
                }));

        assertEquals(
                0,
                groupCommit.write(() -> {
                    try (PreparedStatement count =
                                    connection(transactions).prepareStatement("SELECT count(*) FROM joined");
                            ResultSet rows = count.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                "the joined write rolled back with the transaction it joined");
    }

    private static Connection connection(TransactionOperations<Connection> transactions) {
        return (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
    }

    private static Void execute(TransactionOperations<Connection> transactions, String sql) {
        try (PreparedStatement statement = connection(transactions).prepareStatement(sql)) {
            statement.executeUpdate();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> query(TransactionOperations<Connection> transactions) {
        return query(transactions, "scratch");
    }

    private static List<Integer> query(TransactionOperations<Connection> transactions, String table) {
        try (PreparedStatement select =
                        connection(transactions).prepareStatement("SELECT n FROM " + table + " ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            List<Integer> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getInt(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
