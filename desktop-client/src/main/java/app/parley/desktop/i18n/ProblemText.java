package app.parley.desktop.i18n;

import app.parley.desktop.host.HostingRefusedException;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.net.ServerUnreachableException;
import app.parley.desktop.tls.UntrustedCertificateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what went wrong in words for the person at the keyboard, never a stack trace. Refusals
 * the app knows get its own text in the app's language: bad input by the {@code field} at fault
 * ({@code problem.field.*}), everything else by its {@code code} ({@code problem.code.*}). Only
 * a refusal the app does not know shows the server's message, which is in English.
 */
public final class ProblemText {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemText.class);

    private final Messages text;

    public ProblemText(Messages text) {
        this.text = text;
    }

    public String describe(Throwable problem) {
        return switch (problem) {
            case ServerUnreachableException unreachable
            when UntrustedCertificateException.in(unreachable).isPresent() -> {
                UntrustedCertificateException untrusted =
                        UntrustedCertificateException.in(unreachable).orElseThrow();
                yield untrusted.previous() == null
                        ? text.get(
                                "problem.certificateUnknown",
                                unreachable.server().display(),
                                untrusted.fingerprint())
                        : text.get(
                                "problem.certificateChanged",
                                unreachable.server().display(),
                                untrusted.previous(),
                                untrusted.fingerprint());
            }
            case ServerUnreachableException unreachable ->
                text.get("problem.unreachable", unreachable.server().display());
            case ApiException refused when keyOf(refused) != null -> text.get(keyOf(refused));
            case ApiException refused when refused.getMessage() != null -> refused.getMessage();
            case HostingRefusedException ignored -> text.get("problem.hostingRefused");
            default -> {
                LOG.error("Unexpected failure", problem);
                yield text.get("problem.unexpected");
            }
        };
    }

    /** The app's own text for a refusal, or null when it has none. */
    private String keyOf(ApiException refused) {
        boolean badInput = "invalid_input".equals(refused.code()) || "bad_request".equals(refused.code());
        if (badInput && refused.field() != null && text.has("problem.field." + refused.field())) {
            return "problem.field." + refused.field();
        }
        if (refused.code() != null && text.has("problem.code." + refused.code())) {
            return "problem.code." + refused.code();
        }
        return null;
    }
}
