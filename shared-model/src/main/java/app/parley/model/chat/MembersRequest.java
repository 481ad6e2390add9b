package app.parley.model.chat;

import app.parley.model.account.UserRef;
import java.util.List;

/** Seed 002's body for adding and removing group members: {@code {"users": [{"id": 1}]}}. */
public record MembersRequest(List<UserRef> users) {}
