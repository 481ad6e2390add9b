package app.parley.server.api.v1;

import app.parley.model.agent.AgentInfo;
import app.parley.model.chat.ChatRoom;
import app.parley.server.agent.AgentConversations;
import app.parley.server.chats.ChatService;
import app.parley.server.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The server's AI agent: whether there is one, and a conversation with it. */
@Controller("/api/v1/agent")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "agent")
class AgentController {
    private final AgentConversations agent;
    private final ChatService chats;
    private final RoomViews rooms;

    AgentController(AgentConversations agent, ChatService chats, RoomViews rooms) {
        this.agent = agent;
        this.chats = chats;
        this.rooms = rooms;
    }

    /** Whether an AI agent is available here, and its user; never the endpoint's key. */
    @Get("{/}")
    AgentInfo info() {
        return agent.agent()
                .map(account ->
                        new AgentInfo(true, account.toRef(), agent.settings().model()))
                .orElseGet(() -> new AgentInfo(false, null, null));
    }

    /** The caller's conversation with the agent (made on first use); 400 when no agent is configured. */
    @Post("/conversation{/}")
    ChatRoom conversation(Authentication authentication) {
        long caller = Caller.id(authentication);
        return rooms.of(chats.room(caller, agent.open(caller)));
    }
}
