package app.parley.model.common;

/** The {@code {"status": "ok"}} acknowledgement that seed 002 returns from commands. */
public record StatusResponse(String status) {
    public static StatusResponse ok() {
        return new StatusResponse("ok");
    }
}
