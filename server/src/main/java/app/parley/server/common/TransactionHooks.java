package app.parley.server.common;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;

/**
 * Work that must follow the outcome of the current write transaction: what the database does
 * not undo by itself (realtime events, bytes on disk).
 */
@Singleton
public class TransactionHooks {
    private final TransactionOperations<Connection> transactions;
    private final GroupCommit groupCommit;

    public TransactionHooks(TransactionOperations<Connection> transactions, GroupCommit groupCommit) {
        this.transactions = transactions;
        this.groupCommit = groupCommit;
    }

    /**
     * Runs {@code action} once the current transaction has committed, never if it rolls back; at
     * once outside one. A write in a {@link GroupCommit} batch keeps its actions to itself, so that
     * they run in the order of the batch's writes and never for a write rolled back alone.
     */
    public void afterCommit(Runnable action) {
        var write = groupCommit.runningWrite();
        if (write.isPresent()) {
            write.get().onCommit(action);
            return;
        }
        transactions
                .findTransactionStatus()
                .ifPresentOrElse(
                        status -> status.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                action.run();
                            }
                        }),
                        action);
    }

    /**
     * Runs {@code undo} if the current transaction rolls back. Not when a commit fails with an
     * unknown outcome: it may have committed, and keeping too much beats losing what was stored.
     */
    public void afterRollback(Runnable undo) {
        var write = groupCommit.runningWrite();
        if (write.isPresent()) {
            write.get().onRollback(undo);
            return;
        }
        transactions
                .findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("afterRollback needs a transaction"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(Status status) {
                        if (status == Status.ROLLED_BACK) {
                            undo.run();
                        }
                    }
                });
    }
}
