package app.parley.server.presence;

import app.parley.model.common.IdRef;
import app.parley.model.presence.PresenceList;
import app.parley.model.presence.UserPresence;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.errors.ForbiddenException;
import jakarta.inject.Singleton;

/** Presence as the caller may see it: their own, and that of people who share a chat with them. */
@Singleton
public class PresenceService {
    private final PresenceTracker tracker;
    private final PresenceRepository stored;
    private final AccountService accounts;

    PresenceService(PresenceTracker tracker, PresenceRepository stored, AccountService accounts) {
        this.tracker = tracker;
        this.stored = stored;
        this.accounts = accounts;
    }

    /** Everyone who shares a chat with the caller, by user id. */
    public PresenceList visibleTo(long callerId) {
        accounts.requireCaller(callerId);
        return new PresenceList(stored.contacts(callerId).stream()
                .map(contact -> tracker.presenceOf(contact.userId(), contact.seenAt()))
                .toList());
    }

    /** One person's presence: 404 for nobody, 403 for someone the caller shares no chat with. */
    public UserPresence of(long callerId, IdRef user) {
        accounts.requireCaller(callerId);
        Account person = accounts.get(user);
        if (person.id() != callerId && !stored.shareAChat(callerId, person.id())) {
            throw new ForbiddenException(
                    "no_shared_chat", "presence is visible only to people who share a chat with the person");
        }
        return tracker.presenceOf(person.id(), stored.findSeenAt(person.id()).orElse(null));
    }
}
