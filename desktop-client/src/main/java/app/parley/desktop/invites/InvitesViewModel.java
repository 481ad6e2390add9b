package app.parley.desktop.invites;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.invite.Invite;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A group's invite links: make one (how long it works, how many may join by it), see the ones
 * there are (the owner sees all, others their own) and revoke them.
 */
public final class InvitesViewModel {
    /** How long a new link works. */
    public enum Expiry {
        HOUR(Duration.ofHours(1)),
        DAY(Duration.ofDays(1)),
        WEEK(Duration.ofDays(7)),
        NEVER(null);

        private final Duration lifetime;

        Expiry(Duration lifetime) {
            this.lifetime = lifetime;
        }

        Long seconds() {
            return lifetime == null ? null : lifetime.toSeconds();
        }
    }

    /** How many people may join by a new link. */
    public enum Uses {
        ONE(1),
        TEN(10),
        UNLIMITED(null);

        private final Integer max;

        Uses(Integer max) {
            this.max = max;
        }
    }

    private static final Comparator<Invite> NEWEST_FIRST =
            Comparator.comparing(Invite::createdAt).reversed().thenComparing(Invite::id, Comparator.reverseOrder());

    private final ApiClient api;
    private final long chatId;
    private final Background background;
    private final ProblemText problems;
    private final ObjectProperty<Expiry> expiry = new SimpleObjectProperty<>(this, "expiry", Expiry.DAY);
    private final ObjectProperty<Uses> uses = new SimpleObjectProperty<>(this, "uses", Uses.UNLIMITED);
    private final ObservableList<Invite> invites = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Invite> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public InvitesViewModel(ApiClient api, long chatId, Background background, ProblemText problems) {
        this.api = api;
        this.chatId = chatId;
        this.background = background;
        this.problems = problems;
    }

    public ObjectProperty<Expiry> expiryProperty() {
        return expiry;
    }

    public ObjectProperty<Uses> usesProperty() {
        return uses;
    }

    /** The chat's invites, newest first. */
    public ObservableList<Invite> invites() {
        return invites;
    }

    /** The link made last in this dialog, to copy; null before one is made. */
    public ReadOnlyObjectProperty<Invite> createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the list has been read (until then an empty list means nothing). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void load() {
        background.run(
                () -> api.invites(chatId),
                list -> {
                    show(list);
                    loaded.set(true);
                },
                this::failed);
    }

    public void create() {
        busy.set(true);
        Long seconds = expiry.get().seconds();
        Integer max = uses.get().max;
        background.run(
                () -> {
                    Invite invite = api.createInvite(chatId, seconds, max);
                    return new Made(invite, api.invites(chatId));
                },
                made -> {
                    busy.set(false);
                    problem.set("");
                    created.set(made.invite());
                    show(made.all());
                },
                this::failed);
    }

    public void revoke(Invite invite) {
        if (created.get() != null && created.get().id() == invite.id()) {
            created.set(null); // a dead link must not stay on show to be copied
        }
        background.run(
                () -> {
                    api.revokeInvite(invite.id());
                    return api.invites(chatId);
                },
                this::show,
                this::failed);
    }

    /**
     * Reads the links again without a word while the dialog is open, so that their use counts
     * and states follow people joining with them; a failure here is left for the next one.
     */
    public void refresh() {
        background.run(() -> api.invites(chatId), this::show, failure -> {});
    }

    private void show(List<Invite> list) {
        problem.set("");
        invites.setAll(list.stream().sorted(NEWEST_FIRST).toList());
    }

    private void failed(Throwable failure) {
        busy.set(false);
        problem.set(problems.describe(failure));
    }

    private record Made(Invite invite, List<Invite> all) {}
}
