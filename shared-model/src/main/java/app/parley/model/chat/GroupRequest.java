package app.parley.model.chat;

import app.parley.model.account.UserRef;
import java.util.List;

/** The {@code json} part of seed 002's {@code POST /api/v1/group}. */
public record GroupRequest(String name, String description, List<UserRef> users) {}
