package app.parley.server.accounts;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every account's username key and skeletons as the current rules compute them, at each
 * start before the server takes requests: it fills them in for accounts made before they
 * existed (migration V5), and again should a newer ICU's confusables data change them.
 *
 * <p>Accounts that now compare equal are not renamed behind anyone's back: whoever holds a value
 * keeps it (on the first fill, the older account), the other keeps its old key and no skeleton,
 * and the owner is told in the log. Nobody can take a look-alike of either afterwards.
 */
@Singleton
class UsernameSkeletons implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(UsernameSkeletons.class);
    private final AccountRepository accounts;

    UsernameSkeletons(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        List<UsernameRow> rows = accounts.usernames();
        // What the table holds, kept up to date row by row, so no update breaks a unique index.
        Set<String> keys = new HashSet<>();
        Set<String> skeletons = new HashSet<>();
        Set<String> shownSkeletons = new HashSet<>();
        for (UsernameRow row : rows) {
            keys.add(row.usernameKey());
            addIfPresent(skeletons, row.usernameSkeleton());
            addIfPresent(shownSkeletons, row.usernameShownSkeleton());
        }
        int changed = 0;
        for (UsernameRow row : rows) {
            // A key cannot be empty: an account whose new key another holds keeps its old one.
            String key = row.usernameKey();
            String wantedKey = UsernameRules.key(row.username());
            if (!wantedKey.equals(key) && keys.add(wantedKey)) {
                keys.remove(key);
                key = wantedKey;
            }
            String skeleton = claim(skeletons, row.usernameSkeleton(), UsernameRules.skeleton(row.username()));
            String shown =
                    claim(shownSkeletons, row.usernameShownSkeleton(), UsernameRules.shownSkeleton(row.username()));
            if (!key.equals(wantedKey) || skeleton == null || shown == null) {
                LOG.warn(
                        "The username '{}' (user {}) looks like another account's username; both keep their names, "
                                + "and nobody can register a third like them",
                        row.username(),
                        row.id());
            }
            if (!key.equals(row.usernameKey())
                    || !Objects.equals(skeleton, row.usernameSkeleton())
                    || !Objects.equals(shown, row.usernameShownSkeleton())) {
                accounts.updateUsernameKeys(row.id(), key, skeleton, shown);
                changed++;
            }
        }
        if (changed > 0) {
            LOG.info("Updated the username keys and look-alike skeletons of {} account(s)", changed);
        }
    }

    /**
     * The value a row ends up with: the wanted one when it already holds it or it is free, else
     * none (null), releasing the row's old value. {@code taken} follows the change.
     */
    private static @Nullable String claim(Set<String> taken, @Nullable String current, String wanted) {
        if (wanted.equals(current)) {
            return current;
        }
        if (taken.contains(wanted)) {
            if (current != null) {
                taken.remove(current);
            }
            return null;
        }
        if (current != null) {
            taken.remove(current);
        }
        taken.add(wanted);
        return wanted;
    }

    private static void addIfPresent(Set<String> set, @Nullable String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
