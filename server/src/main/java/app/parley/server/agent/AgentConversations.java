package app.parley.server.agent;

import app.parley.server.errors.InvalidInputException;
import jakarta.inject.Singleton;

/**
 * Conversations with the server's AI agent (seed 004's {@code is_ai}). No agent can be
 * configured yet, so starting one is refused with a clear error, never answered with a fake
 * reply.
 */
@Singleton
public class AgentConversations {

    /** Starts (or finds) the caller's conversation with the agent. */
    public long open(long callerId) {
        throw new InvalidInputException("is_ai", "no AI agent is configured on this server, so an AI conversation "
                + "cannot be started; ask the server's owner to configure one");
    }
}
