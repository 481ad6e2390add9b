package app.parley.model.event;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Users joined ({@code members_added}) or left ({@code members_removed}) a chat. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MembersChangedEvent(String type, long chatId, List<UserRef> users) implements ServerEvent {

    public static MembersChangedEvent added(long chatId, List<UserRef> users) {
        return new MembersChangedEvent(EventTypes.MEMBERS_ADDED, chatId, List.copyOf(users));
    }

    public static MembersChangedEvent removed(long chatId, List<UserRef> users) {
        return new MembersChangedEvent(EventTypes.MEMBERS_REMOVED, chatId, List.copyOf(users));
    }
}
