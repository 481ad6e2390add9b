package app.parley.model.chat;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** A chat or group as its members see it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatInfo(
        long id,
        String uuid,
        ChatType type,
        String name,
        String description,
        String roomName,
        Long ownerId,
        String photoUrl,
        List<UserRef> users,
        Instant createdAt) {}
