package app.parley.server.agent;

/** One message of the conversation as the chat-completions API takes it. */
record ChatTurn(String role, String content) {
    static final String SYSTEM = "system";
    static final String USER = "user";
    static final String ASSISTANT = "assistant";
}
