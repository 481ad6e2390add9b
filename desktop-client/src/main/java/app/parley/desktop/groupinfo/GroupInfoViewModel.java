package app.parley.desktop.groupinfo;

import app.parley.desktop.app.Background;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatInfo;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A group as its members see it: name, description, members (the owner first). The owner adds
 * and removes members and deletes the group; the server enforces the same rules.
 */
public final class GroupInfoViewModel {
    private final ApiClient api;
    private final long groupId;
    private final long myId;
    private final Background background;
    private final ProblemText problems;
    private final Comparator<UserRef> byName;
    private final ReadOnlyObjectWrapper<ChatInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ObservableList<UserRef> members = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper owner = new ReadOnlyBooleanWrapper(this, "owner", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public GroupInfoViewModel(
            ApiClient api, long groupId, long myId, Background background, ProblemText problems, Locale locale) {
        this.api = api;
        this.groupId = groupId;
        this.myId = myId;
        this.background = background;
        this.problems = problems;
        Collator collator = Collator.getInstance(locale);
        this.byName = Comparator.comparing((UserRef user) -> !isOwner(user))
                .thenComparing(user -> user.name() == null ? "" : user.name(), collator);
    }

    public long groupId() {
        return groupId;
    }

    public long myId() {
        return myId;
    }

    /** The group as last read; null until then. */
    public ReadOnlyObjectProperty<ChatInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** The members, the owner first, then by name. */
    public ObservableList<UserRef> members() {
        return members;
    }

    /** True when the signed-in person owns the group (and may manage it). */
    public ReadOnlyBooleanProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isOwner(UserRef user) {
        ChatInfo current = info.get();
        return current != null && current.ownerId() != null && current.ownerId() == UserIds.idOf(user);
    }

    public void load() {
        background.run(() -> api.chatInfo(groupId), this::show, this::failed);
    }

    public void add(List<Long> userIds) {
        background.run(
                () -> {
                    api.addMembers(groupId, userIds);
                    return api.chatInfo(groupId);
                },
                this::show,
                this::failed);
    }

    public void remove(UserRef member) {
        background.run(
                () -> {
                    api.removeMembers(groupId, List.of(UserIds.idOf(member)));
                    return api.chatInfo(groupId);
                },
                this::show,
                this::failed);
    }

    /** Deletes the group for everyone; {@code onDeleted} runs once the server has. */
    public void deleteGroup(Runnable onDeleted) {
        background.run(
                () -> {
                    api.deleteGroup(groupId);
                    return groupId;
                },
                deleted -> onDeleted.run(),
                this::failed);
    }

    private void show(ChatInfo loaded) {
        problem.set("");
        // Who owns it first: the member rows redraw when the info changes, and show remove buttons by it.
        owner.set(loaded.ownerId() != null && loaded.ownerId() == myId);
        info.set(loaded);
        members.setAll(loaded.users().stream().sorted(byName).toList());
    }

    private void failed(Throwable failure) {
        problem.set(problems.describe(failure));
    }
}
