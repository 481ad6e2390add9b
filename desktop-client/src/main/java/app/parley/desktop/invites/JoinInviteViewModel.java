package app.parley.desktop.invites;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.model.invite.Invite;
import app.parley.model.invite.InviteLink;
import app.parley.model.invite.InvitePreview;
import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Joining a group by an invite: the person pastes a {@code parley://invite/…} link, the web link
 * or the bare token; the app shows where it leads (read as soon as a token can be read from the
 * text), and joins.
 */
public final class JoinInviteViewModel {
    private final ApiClient api;
    private final Background background;
    private final Messages text;
    private final ProblemText problems;
    private final StringProperty link = new SimpleStringProperty(this, "link", "");
    private final ReadOnlyObjectWrapper<InvitePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding canJoin;
    private long generation;

    public JoinInviteViewModel(ApiClient api, Background background, Messages text, ProblemText problems) {
        this.api = api;
        this.background = background;
        this.text = text;
        this.problems = problems;
        this.canJoin = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && preview.get() != null
                        && (preview.get().alreadyMember()
                                || Invite.ACTIVE.equals(preview.get().state())),
                preview,
                busy);
        link.subscribe(this::read);
    }

    /** What the person pasted. */
    public StringProperty linkProperty() {
        return link;
    }

    /** Where the invite leads; null while nothing readable is pasted or it is being read. */
    public ReadOnlyObjectProperty<InvitePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the invite cannot be used, or what went wrong; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The invite can be used: it is active, or the person is in the group already (then it opens). */
    public BooleanBinding canJoinProperty() {
        return canJoin;
    }

    /** Joins (or, for a member, just opens) the group; {@code onJoined} gets its chat id. */
    public void join(LongConsumer onJoined) {
        Optional<String> token = InviteLink.tokenOf(link.get());
        if (token.isEmpty() || !canJoin.get()) {
            return;
        }
        busy.set(true);
        background.run(
                () -> api.acceptInvite(token.get()),
                accepted -> {
                    busy.set(false);
                    onJoined.accept(accepted.chatId());
                },
                failure -> {
                    busy.set(false);
                    problem.set(describe(failure));
                    read(link.get());
                });
    }

    private void read(String typed) {
        long mine = ++generation;
        preview.set(null);
        Optional<String> token = InviteLink.tokenOf(typed);
        if (token.isEmpty()) {
            problem.set(typed == null || typed.isBlank() ? "" : text.get("join.notALink"));
            return;
        }
        problem.set("");
        busy.set(true);
        background.run(
                () -> api.previewInvite(token.get()),
                found -> {
                    if (mine == generation) { // a slower answer for an older paste must not win
                        busy.set(false);
                        preview.set(found);
                        problem.set(found.alreadyMember() ? "" : stateProblem(found.state()));
                    }
                },
                failure -> {
                    if (mine == generation) {
                        busy.set(false);
                        problem.set(describe(failure));
                    }
                });
    }

    private String stateProblem(String state) {
        return switch (state) {
            case Invite.EXPIRED -> text.get("join.state.expired");
            case Invite.REVOKED -> text.get("join.state.revoked");
            case Invite.USED_UP -> text.get("join.state.used_up");
            default -> "";
        };
    }

    private String describe(Throwable failure) {
        if (failure instanceof ApiException refused) {
            switch (refused.code()) {
                case "invite_not_found" -> {
                    return text.get("join.unknown");
                }
                case "invite_expired" -> {
                    return text.get("join.state.expired");
                }
                case "invite_revoked" -> {
                    return text.get("join.state.revoked");
                }
                case "invite_used_up" -> {
                    return text.get("join.state.used_up");
                }
                default -> {
                    // said below in general terms
                }
            }
        }
        return problems.describe(failure);
    }
}
