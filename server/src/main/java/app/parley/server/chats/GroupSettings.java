package app.parley.server.chats;

import app.parley.model.chat.GroupOptions;
import app.parley.model.chat.GroupUpdate;
import app.parley.server.common.TextLimits;
import app.parley.server.config.ParleyLimits;
import app.parley.server.errors.ForbiddenException;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.events.RealtimeEvents;
import app.parley.server.files.FileService;
import app.parley.server.files.PreparedFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What a group looks like once it exists: its name, description and photo, changed by the owner
 * alone. Every change reaches the members' main sockets and the group's sockets as one
 * {@code chat_updated} frame with the group's details as they now are.
 */
@Singleton
public class GroupSettings {
    private final ChatService chats;
    private final ChatRepository repository;
    private final FileService files;
    private final RealtimeEvents events;
    private final ParleyLimits limits;

    public GroupSettings(
            ChatService chats,
            ChatRepository repository,
            FileService files,
            RealtimeEvents events,
            ParleyLimits limits) {
        this.chats = chats;
        this.repository = repository;
        this.files = files;
        this.events = events;
        this.limits = limits;
    }

    /** The group, if the caller owns it: 404 for no such group, 403 for anyone but its owner. */
    public Chat requireOwnedGroup(long callerId, long groupId) {
        Chat group = chats.requireGroup(groupId);
        if (!chats.isOwner(group, callerId)) {
            throw new ForbiddenException("not_the_owner", "only the owner of group " + group.id() + " can do this");
        }
        return group;
    }

    /** Renames the group or changes its description, with the rules of creating one; absent fields stay. */
    @Transactional
    public Chat update(long callerId, long groupId, @Nullable GroupUpdate update) {
        Chat group = requireOwnedGroup(callerId, groupId);
        if (update == null || (update.name() == null && update.description() == null)) {
            throw new InvalidInputException("name", "give a new name, a new description or both");
        }
        String name = update.name() == null
                ? group.name()
                : TextLimits.requireName("name", update.name(), limits.chatNameMax());
        String description = update.description() == null
                ? group.description()
                : TextLimits.requireDescription("description", update.description(), limits.descriptionMax());
        if (name.equals(group.name()) && description.equals(group.description())) {
            return group;
        }
        repository.setDetails(group.id(), name, description);
        return announce(group.id());
    }

    /** The group's options; any member may read them. */
    public GroupOptions options(long callerId, long groupId) {
        Chat group = chats.requireMember(groupId, callerId);
        return new GroupOptions(repository.findAllMentions(group.id()));
    }

    /** Sets the group's options (owner only); an option left out (null) stays as it is. */
    @Transactional
    public GroupOptions setOptions(long callerId, long groupId, @Nullable GroupOptions options) {
        Chat group = requireOwnedGroup(callerId, groupId);
        String allMentions = options == null ? null : options.allMentions();
        if (allMentions == null) {
            throw new InvalidInputException("all_mentions", "all_mentions is required: members, owner or off");
        }
        if (!List.of(GroupOptions.MEMBERS, GroupOptions.OWNER, GroupOptions.OFF).contains(allMentions)) {
            throw new InvalidInputException("all_mentions", "all_mentions must be members, owner or off");
        }
        repository.setAllMentions(group.id(), allMentions);
        return new GroupOptions(allMentions);
    }

    /** Replaces the group's photo with one already checked and scaled (as at creation). */
    @Transactional
    public Chat setPhoto(long callerId, long groupId, @Nullable PreparedFile photo) {
        Chat group = requireOwnedGroup(callerId, groupId);
        if (photo == null) {
            throw new InvalidInputException("photo", "photo is required");
        }
        repository.setPhoto(group.id(), files.savePhoto(callerId, photo).id());
        if (group.photoFileId() != null) {
            files.deletePhoto(group.photoFileId());
        }
        return announce(group.id());
    }

    /** Takes the group's photo away; a group without one stays as it is and nobody is told. */
    @Transactional
    public Chat removePhoto(long callerId, long groupId) {
        Chat group = requireOwnedGroup(callerId, groupId);
        if (group.photoFileId() == null) {
            return group;
        }
        repository.setPhoto(group.id(), null);
        files.deletePhoto(group.photoFileId());
        return announce(group.id());
    }

    /** Tells every member and every socket of the group how it looks now. */
    Chat announce(long groupId) {
        Chat group = chats.requireGroup(groupId);
        events.toRoom(group.id(), group.updatedEvent());
        for (long memberId : chats.memberIds(group.id())) {
            events.toInbox(memberId, group.updatedEvent());
        }
        return group;
    }
}
