package app.parley.desktop.groupinfo;

import app.parley.desktop.app.Background;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatInfo;
import app.parley.model.chat.GroupOptions;
import app.parley.model.event.ChatDeletedEvent;
import app.parley.model.event.ChatUpdatedEvent;
import app.parley.model.event.EventTypes;
import app.parley.model.event.MembersChangedEvent;
import app.parley.model.event.ServerEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A group as its members see it: name, description, photo, members (the owner first). The owner
 * edits the group, adds and removes members, hands the group over and deletes it; anyone leaves.
 * It follows the main socket while open, so what it shows is the group as it is now. The server
 * enforces the same rules.
 */
public final class GroupInfoViewModel {

    /** Why the group info is over: still open, or what ended it. */
    public enum Ending {
        OPEN,
        /** This person left or deleted the group here: nothing to tell them. */
        BY_ME,
        DELETED,
        REMOVED
    }

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
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", false);
    private final StringProperty draftName = new SimpleStringProperty(this, "draftName", "");
    private final StringProperty draftDescription = new SimpleStringProperty(this, "draftDescription", "");
    /** Who may mention everyone with @all (GroupOptions' values), as the editor shows it. */
    private final StringProperty draftAllMentions =
            new SimpleStringProperty(this, "draftAllMentions", GroupOptions.MEMBERS);

    private String savedAllMentions = GroupOptions.MEMBERS;
    private final ReadOnlyIntegerWrapper photoRevision = new ReadOnlyIntegerWrapper(this, "photoRevision", 0);
    private final ReadOnlyObjectWrapper<Ending> ending = new ReadOnlyObjectWrapper<>(this, "ending", Ending.OPEN);
    /** Set while this person is leaving or deleting: the frames that follow are their own doing. */
    private boolean departing;

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

    /** True while the owner edits the name and description. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty draftNameProperty() {
        return draftName;
    }

    public StringProperty draftDescriptionProperty() {
        return draftDescription;
    }

    /** Goes up whenever the photo may have changed: its URL stays the same, so the picture must be fetched again. */
    public ReadOnlyIntegerProperty photoRevisionProperty() {
        return photoRevision.getReadOnlyProperty();
    }

    /** {@link Ending#OPEN} while the group is there for this person; then why it is not. */
    public ReadOnlyObjectProperty<Ending> endingProperty() {
        return ending.getReadOnlyProperty();
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

    /** Hands the group to another member; this person stays as a member. */
    public void makeOwner(UserRef member) {
        background.run(() -> api.makeOwner(groupId, UserIds.idOf(member)), this::show, this::failed);
    }

    /** Starts editing the name and description, from what the group has now. */
    public void startEditing() {
        ChatInfo current = info.get();
        if (current == null) {
            return;
        }
        draftName.set(current.name());
        draftDescription.set(current.description() == null ? "" : current.description());
        problem.set("");
        editing.set(true);
        background.run(
                () -> api.groupOptions(groupId),
                options -> {
                    savedAllMentions = options.allMentions();
                    draftAllMentions.set(options.allMentions());
                },
                this::failed);
    }

    /** Who may mention everyone with @all, as the owner is choosing it. */
    public StringProperty draftAllMentionsProperty() {
        return draftAllMentions;
    }

    public void cancelEditing() {
        editing.set(false);
        problem.set("");
    }

    /** Saves the edited name, description and who may use @all; a refusal keeps the editor open with the reason. */
    public void saveEditing() {
        String name = draftName.get();
        String description = draftDescription.get();
        String allMentions = draftAllMentions.get();
        background.run(
                () -> {
                    if (!allMentions.equals(savedAllMentions)) {
                        api.setGroupOptions(groupId, new GroupOptions(allMentions));
                    }
                    return api.updateGroup(groupId, name, description);
                },
                saved -> {
                    editing.set(false);
                    show(saved);
                },
                this::failed);
    }

    /** Replaces the group's photo with a picture file (the server checks and scales it). */
    public void choosePhoto(Path file) {
        background.run(() -> api.setGroupPhoto(groupId, read(file)), this::photoChanged, this::failed);
    }

    public void removePhoto() {
        background.run(() -> api.removeGroupPhoto(groupId), this::photoChanged, this::failed);
    }

    /** Leaves the group; the owner is refused while others are in it, and told why. */
    public void leave() {
        departing = true;
        background.run(
                () -> {
                    api.leaveGroup(groupId);
                    return groupId;
                },
                left -> ending.set(Ending.BY_ME),
                this::departureFailed);
    }

    /** Deletes the group for everyone (the owner only). */
    public void deleteGroup() {
        departing = true;
        background.run(
                () -> {
                    api.deleteGroup(groupId);
                    return groupId;
                },
                deleted -> ending.set(Ending.BY_ME),
                this::departureFailed);
    }

    /** A frame from the main socket: keeps the group as shown in step with the server. On the FX thread. */
    public void apply(ServerEvent event) {
        if (ending.get() != Ending.OPEN) {
            return;
        }
        switch (event) {
            case ChatUpdatedEvent updated when updated.chatId() == groupId -> updated(updated);
            case ChatDeletedEvent deleted
            when deleted.chatId() == groupId -> ending.set(departing ? Ending.BY_ME : Ending.DELETED);
            case MembersChangedEvent changed
            when changed.chatId() == groupId -> {
                boolean meGone = EventTypes.MEMBERS_REMOVED.equals(changed.type())
                        && changed.users().stream().anyMatch(user -> UserIds.idOf(user) == myId);
                if (meGone) {
                    ending.set(departing ? Ending.BY_ME : Ending.REMOVED);
                } else {
                    load();
                }
            }
            default -> {
                // other chats, and messages: not shown here
            }
        }
    }

    private void updated(ChatUpdatedEvent updated) {
        ChatInfo current = info.get();
        if (current == null) {
            load();
            return;
        }
        boolean photoMayHaveChanged = updated.photoUrl() != null || current.photoUrl() != null;
        show(new ChatInfo(
                current.id(),
                current.uuid(),
                current.type(),
                updated.name(),
                updated.description(),
                current.roomName(),
                updated.ownerId(),
                updated.photoUrl(),
                current.users(),
                current.createdAt()));
        if (photoMayHaveChanged) {
            photoRevision.set(photoRevision.get() + 1);
        }
    }

    private void photoChanged(ChatInfo changed) {
        show(changed);
        photoRevision.set(photoRevision.get() + 1);
    }

    private void show(ChatInfo loaded) {
        problem.set("");
        // Who owns it first: the member rows redraw when the info changes, and show their buttons by it.
        owner.set(loaded.ownerId() != null && loaded.ownerId() == myId);
        if (!owner.get()) {
            editing.set(false);
        }
        info.set(loaded);
        members.setAll(loaded.users().stream().sorted(byName).toList());
    }

    private void departureFailed(Throwable failure) {
        departing = false;
        failed(failure);
    }

    private void failed(Throwable failure) {
        problem.set(problems.describe(failure));
    }

    private static ApiClient.Photo read(Path file) {
        try {
            return new ApiClient.Photo(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
