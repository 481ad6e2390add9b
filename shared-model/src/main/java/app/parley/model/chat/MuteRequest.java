package app.parley.model.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** Mutes a chat until {@code until}, or until it is unmuted when {@code until} is left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MuteRequest(Instant until) {}
