package app.parley.model.event;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The AI agent's reply while it is being written: {@code text} is everything so far. The
 * finished reply then arrives as an ordinary {@code message} whose {@code client_msg_id} is
 * this {@code reply_id}, so a client replaces the partial text with it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentReplyEvent(String type, long chatId, String replyId, UserRef author, String text)
        implements ServerEvent {

    public static AgentReplyEvent partial(long chatId, String replyId, UserRef author, String text) {
        return new AgentReplyEvent(EventTypes.AGENT_REPLY, chatId, replyId, author, text);
    }
}
