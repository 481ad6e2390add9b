package app.parley.server.agent;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The AI agent, configured under {@code parley.agent}: any OpenAI-compatible chat-completions
 * endpoint (llama.cpp's server, Ollama, vLLM or a hosted one). The agent is available when it
 * is enabled and has an endpoint and a model. The API key is sent to the endpoint and nowhere
 * else: not logged, not returned, not in {@link #toString()}.
 *
 * @param enabled            the owner's switch; off means no AI conversations whatever else is set
 * @param endpoint           base URL, e.g. {@code http://localhost:11434/v1}; {@code /chat/completions} is added
 * @param model              the model name the endpoint expects
 * @param apiKey             sent as {@code Authorization: Bearer}; optional
 * @param systemPrompt       the first message of every request
 * @param requestTimeout     the longest one reply may take, from request to last token
 * @param maxContextMessages the most recent messages of the conversation sent with each request
 * @param maxConcurrent      replies generated at once; more wait their turn
 * @param username           the agent's account
 * @param displayName        the name people see
 */
@ConfigurationProperties("parley.agent")
public record AgentSettings(
        boolean enabled,
        @Nullable String endpoint,
        @Nullable String model,
        @Nullable String apiKey,
        String systemPrompt,
        Duration requestTimeout,
        int maxContextMessages,
        int maxConcurrent,
        String username,
        String displayName) {

    public boolean available() {
        return enabled && endpoint != null && !endpoint.isBlank() && model != null && !model.isBlank();
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "AgentSettings[enabled=" + enabled + ", endpoint=" + endpoint + ", model=" + model + ", apiKey="
                + (hasApiKey() ? "(set)" : "(none)") + ", requestTimeout=" + requestTimeout + ", maxContextMessages="
                + maxContextMessages + ", maxConcurrent=" + maxConcurrent + ", username=" + username + "]";
    }
}
