package app.parley.server.registration;

import app.parley.model.account.RegisterRequest;
import app.parley.model.invite.InviteLink;
import app.parley.server.accounts.Account;
import app.parley.server.accounts.AccountService;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.invites.InviteService;
import app.parley.server.ratelimits.ClientAddress;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration through the canonical API, with an invite or without. With one (a token or a
 * whole link), the invite must be usable before the account is made, the account is made even
 * where registration is by invitation only, and it joins the invite's group. Without one, the
 * server's registration mode decides.
 */
@Singleton
public class Registrations {
    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);

    private final AccountService accounts;
    private final InviteService invites;

    Registrations(AccountService accounts, InviteService invites) {
        this.accounts = accounts;
        this.invites = invites;
    }

    public Account register(@Nullable RegisterRequest request, ClientAddress from) {
        String invite = request == null ? null : request.invite();
        if (invite == null || invite.isBlank()) {
            return accounts.register(request, from);
        }
        String token = InviteLink.tokenOf(invite)
                .orElseThrow(() -> new InvalidInputException("invite", "invite must be an invite token or link"));
        invites.requireUsable(token);
        Account account = accounts.registerInvited(request, from);
        try {
            invites.accept(account.id(), token, from);
        } catch (RuntimeException e) {
            if (accounts.registration() == AccountService.Registration.OPEN) {
                // Anyone may register here: the account stands, without the group.
                LOG.info("New account {} could not join by its invite: {}", account.id(), e.getMessage());
                return account;
            }
            // By invitation only: an invite used up (or revoked) by someone faster admits nobody
            // else, so the account made for it goes again and the refusal is the invite's.
            accounts.discardNew(account.id());
            throw e;
        }
        return account;
    }
}
