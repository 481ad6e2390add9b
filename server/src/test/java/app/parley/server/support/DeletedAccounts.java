package app.parley.server.support;

import static org.awaitility.Awaitility.await;

import app.parley.server.accounts.AccountRepository;
import java.time.Duration;

/**
 * An account deleted in the database behind the server's back (as a restore from backup can lose
 * one). The server reads an account again at least once a second, so it is gone for the server
 * within that: this waits until the account's token is refused.
 */
public final class DeletedAccounts {
    private DeletedAccounts() {}

    public static void delete(RunningServer server, TestUser user) {
        server.bean(AccountRepository.class).deleteById(user.id());
        await("the server to see that account " + user.username() + " is gone")
                .atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> user.api().get("/api/v1/chats").status() == 401);
    }
}
