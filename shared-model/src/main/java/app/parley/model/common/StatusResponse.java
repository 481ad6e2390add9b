package app.parley.model.common;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code {"status": "ok"}} acknowledgement that seed 002 returns from commands. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusResponse(String status) {
    public static StatusResponse ok() {
        return new StatusResponse("ok");
    }
}
