package app.parley.desktop.welcome;

import app.parley.desktop.app.Background;
import app.parley.desktop.connect.Connected;
import app.parley.desktop.connect.ServerConnector;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ServerAddress;
import app.parley.desktop.tls.KnownCertificates;
import app.parley.desktop.tls.UntrustedCertificateException;
import app.parley.model.invite.InviteLink;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first screen: host a chat on this computer, or join a server on the network. Either ends
 * in {@code onConnected} with a server that answered; a failure stays on this screen as a
 * sentence in {@link #problemProperty()}.
 */
public final class WelcomeViewModel {
    private final Messages text;
    private final ProblemText problems;
    private final Background background;
    private final ServerConnector connector;
    private final int preferredHostPort;
    private final Consumer<Connected> onConnected;

    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private Consumer<String> onInviteLink = link -> {};
    /** A port at the end of a typed address: {@code host:8080}, {@code [::1]:8080}, {@code host:8080/}. */
    private static final java.util.regex.Pattern PORT_TYPED = java.util.regex.Pattern.compile(":\\d+/?$");
    /** Where a server that serves HTTPS listens unless told otherwise (a hosted one, first of all). */
    private static final int HTTPS_PORT = 8443;

    private final KnownCertificates certificates;
    private final ReadOnlyObjectWrapper<CertificateQuestion> certificateQuestion =
            new ReadOnlyObjectWrapper<>(this, "certificateQuestion");
    /** The server being joined, to join again once its certificate is trusted. */
    private ServerAddress joining;

    private UntrustedCertificateException unanswered;

    /**
     * A server's certificate not trusted yet: which server, its SHA-256 fingerprint to compare, and
     * the one trusted before when it changed (null at a first contact).
     */
    public record CertificateQuestion(String server, String fingerprint, String previous) {
        public boolean changed() {
            return previous != null;
        }
    }

    public WelcomeViewModel(
            Messages text,
            ProblemText problems,
            Background background,
            ServerConnector connector,
            int preferredHostPort,
            Consumer<Connected> onConnected) {
        this(text, problems, background, connector, preferredHostPort, onConnected, null);
    }

    public WelcomeViewModel(
            Messages text,
            ProblemText problems,
            Background background,
            ServerConnector connector,
            int preferredHostPort,
            Consumer<Connected> onConnected,
            KnownCertificates certificates) {
        this.certificates = certificates;
        this.text = text;
        this.problems = problems;
        this.background = background;
        this.connector = connector;
        this.preferredHostPort = preferredHostPort;
        this.onConnected = onConnected;
    }

    /** What the person typed as the server to join. */
    public StringProperty addressProperty() {
        return address;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** Why the last attempt failed, in words for people; empty when nothing failed. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the person should know that is not a problem, e.g. an invite waiting; empty when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** An invite link is waiting for a server and a sign-in: the screen says so. */
    public void inviteWaiting() {
        notice.set(text.get("welcome.invite.waiting"));
    }

    /** Where a {@code parley://} invite typed or pasted into the address field goes. */
    public void onInviteLink(Consumer<String> handler) {
        this.onInviteLink = handler;
    }

    /** Shows a problem found elsewhere (e.g. the remembered server no longer answers). */
    public void showProblem(String sentence) {
        problem.set(sentence);
    }

    public void host() {
        if (busy.get()) {
            return;
        }
        start(text.get("welcome.busy.host"));
        background.run(() -> connector.host(preferredHostPort), this::connected, this::failed);
    }

    public void join() {
        if (busy.get()) {
            return;
        }
        String typed = address.get() == null ? "" : address.get().strip();
        if (typed.regionMatches(true, 0, InviteLink.SCHEME + "://", 0, InviteLink.SCHEME.length() + 3)) {
            // An app link names no server: it waits for one to be chosen and for the sign-in.
            onInviteLink.accept(typed);
            address.set("");
            problem.set("");
            inviteWaiting();
            return;
        }
        Optional<ServerAddress> server = ServerAddress.parse(typed);
        if (server.isEmpty()) {
            problem.set(text.get("welcome.join.invalid"));
            return;
        }
        start(text.get("welcome.busy.join"));
        ServerAddress plain = server.get();
        boolean schemeTyped = typed.contains("://");
        boolean pinned = certificates != null
                && certificates
                        .fingerprintOf(plain.base().getHost(), plain.base().getPort())
                        .isPresent();
        if (!schemeTyped && pinned) {
            // A server whose certificate is trusted is reached over HTTPS only: whatever answers
            // plain HTTP at its address now is not it, and must not be sent a password.
            ServerAddress secure = plain.overHttps();
            joining = secure;
            background.run(() -> connector.join(secure), this::connected, this::failed);
        } else if (!schemeTyped) {
            joining = plain;
            // Without a port, a server that serves HTTPS (a hosted one) is on 8443.
            ServerAddress secure = PORT_TYPED.matcher(typed).find() ? plain.overHttps() : plain.overHttps(HTTPS_PORT);
            background.run(() -> connector.joinEitherScheme(plain, secure), this::connected, this::failed);
        } else {
            joining = plain;
            background.run(() -> connector.join(plain), this::connected, this::failed);
        }
    }

    /**
     * The certificate of a server met for the first time, or changed since it was trusted, waiting
     * for the person to compare its fingerprint and trust it or not; null when nothing is asked.
     */
    public ReadOnlyObjectProperty<CertificateQuestion> certificateQuestionProperty() {
        return certificateQuestion.getReadOnlyProperty();
    }

    /**
     * The person compared the fingerprint: trusted from now on (in place of any certificate trusted
     * before), and the server joined.
     */
    public void trustCertificate() {
        UntrustedCertificateException asked = unanswered;
        unanswered = null;
        certificateQuestion.set(null);
        if (asked == null || joining == null) {
            return;
        }
        certificates.trust(asked.host(), asked.port(), asked.fingerprint());
        // Over HTTPS, whatever was typed: the certificate came from there.
        ServerAddress server = ServerAddress.parse("https://" + asked.host() + ":" + asked.port())
                .orElseGet(joining::overHttps);
        start(text.get("welcome.busy.join"));
        background.run(() -> connector.join(server), this::connected, this::failed);
    }

    /** The person did not trust it: nothing is remembered, nothing is sent. */
    public void distrustCertificate() {
        unanswered = null;
        certificateQuestion.set(null);
        problem.set(text.get("welcome.certificate.notTrusted"));
    }

    private void start(String doing) {
        problem.set("");
        busyText.set(doing);
        busy.set(true);
    }

    private void connected(Connected connected) {
        busy.set(false);
        busyText.set("");
        onConnected.accept(connected);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        busyText.set("");
        var untrusted = UntrustedCertificateException.in(failure);
        if (certificates != null && untrusted.isPresent()) {
            // The person decides, having compared the fingerprint: at first contact, or when the
            // server's owner says its certificate was replaced (the view warns loudly then).
            unanswered = untrusted.get();
            certificateQuestion.set(new CertificateQuestion(
                    unanswered.host() + ":" + unanswered.port(), unanswered.fingerprint(), unanswered.previous()));
            return;
        }
        problem.set(problems.describe(failure));
    }
}
