package app.parley.model.agent;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Whether this server has an AI agent to talk to, and who it is. Never carries the endpoint's key. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentInfo(boolean available, UserRef user, String model) {}
