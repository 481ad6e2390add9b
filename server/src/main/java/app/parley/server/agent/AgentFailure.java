package app.parley.server.agent;

/** Why the agent could not answer, in words fit to show the members (never the key or the endpoint's body). */
final class AgentFailure extends Exception {
    AgentFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
