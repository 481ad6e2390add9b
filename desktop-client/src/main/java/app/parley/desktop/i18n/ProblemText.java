package app.parley.desktop.i18n;

import app.parley.desktop.host.HostingRefusedException;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.net.ServerUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what went wrong in words for the person at the keyboard, never a stack trace. Refusals
 * the app knows by their code get its own (translated) text; any other refusal shows the
 * server's message, which is written for people too.
 */
public final class ProblemText {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemText.class);

    private final Messages text;

    public ProblemText(Messages text) {
        this.text = text;
    }

    public String describe(Throwable problem) {
        return switch (problem) {
            case ServerUnreachableException unreachable ->
                text.get("problem.unreachable", unreachable.server().display());
            case ApiException refused
            when text.has("problem.code." + refused.code()) -> text.get("problem.code." + refused.code());
            case ApiException refused when refused.getMessage() != null -> refused.getMessage();
            case HostingRefusedException ignored -> text.get("problem.hostingRefused");
            default -> {
                LOG.error("Unexpected failure", problem);
                yield text.get("problem.unexpected");
            }
        };
    }
}
