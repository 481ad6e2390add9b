package app.parley.model.chat;

import app.parley.model.account.UserRef;
import java.util.List;

/** Seed 002's {@code {"users": [{"id": 1, "name": "string"}]}}. */
public record GroupUsers(List<UserRef> users) {}
