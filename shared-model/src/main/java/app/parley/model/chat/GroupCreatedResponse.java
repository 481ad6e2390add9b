package app.parley.model.chat;

/** Seed 002's {@code {"status": "ok", "group": {"id": 1, "name": "string"}}}. */
public record GroupCreatedResponse(String status, GroupSummary group) {
    public record GroupSummary(long id, String uuid, String name) {}
}
