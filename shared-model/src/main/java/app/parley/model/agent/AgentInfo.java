package app.parley.model.agent;

import app.parley.model.account.UserRef;

/** Whether this server has an AI agent to talk to, and who it is. Never carries the endpoint's key. */
public record AgentInfo(boolean available, UserRef user, String model) {}
