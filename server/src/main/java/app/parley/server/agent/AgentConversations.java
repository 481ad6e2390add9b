package app.parley.server.agent;

import app.parley.model.common.IdRef;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.chats.ChatService;
import app.parley.server.errors.InvalidInputException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Conversations with the server's AI agent (seed 004's {@code is_ai}, {@code /api/v1/agent}): a
 * private chat between a member and the agent's bot account, made on first use. Without a
 * configured agent, starting one is refused with a clear error, never answered with a fake reply.
 */
@Singleton
public class AgentConversations {
    private final AgentSettings settings;
    private final AccountService accounts;
    private final ChatService chats;
    /** Found or made once: every message in every chat asks whether the agent is in it. */
    private volatile Account agent;

    public AgentConversations(AgentSettings settings, AccountService accounts, ChatService chats) {
        this.settings = settings;
        this.accounts = accounts;
        this.chats = chats;
    }

    /** Starts (or finds) the caller's conversation with the agent; its chat id. */
    public long open(long callerId) {
        Account agent = agent().orElseThrow(() -> new InvalidInputException(
                "is_ai",
                "no AI agent is configured on this server, so an AI conversation cannot be started; "
                        + "ask the server's owner to configure one"));
        return chats.getOrCreatePrivate(callerId, new IdRef.Numeric(agent.id()))
                .chat()
                .id();
    }

    /** The agent's account, when the agent is available. */
    public Optional<Account> agent() {
        if (!settings.available()) {
            return Optional.empty();
        }
        Account found = agent;
        if (found == null) {
            found = accounts.ensureBot(settings.username(), settings.displayName());
            agent = found;
        }
        return Optional.of(found);
    }

    public AgentSettings settings() {
        return settings;
    }
}
