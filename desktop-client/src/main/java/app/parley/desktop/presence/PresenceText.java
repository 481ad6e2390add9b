package app.parley.desktop.presence;

import app.parley.desktop.i18n.Messages;
import app.parley.model.presence.UserPresence;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Presence said for people, as messengers say it: "online", "away", "last seen 5 minutes ago",
 * "last seen today at 14:05", "last seen yesterday at 09:30", "last seen 3 Dec".
 */
public final class PresenceText {
    private final Messages text;
    private final Clock clock;

    public PresenceText(Messages text, Clock clock) {
        this.text = text;
        this.clock = clock;
    }

    /** What a private chat's header says under the name; null when nothing is known. */
    public String of(UserPresence presence) {
        if (presence == null) {
            return null;
        }
        return switch (presence.status()) {
            case ONLINE -> text.get("presence.online");
            case AWAY -> text.get("presence.away");
            case OFFLINE -> presence.lastSeen() == null ? text.get("presence.offline") : lastSeen(presence);
        };
    }

    private String lastSeen(UserPresence presence) {
        var locale = text.locale();
        ZonedDateTime when = presence.lastSeen().atZone(clock.getZone());
        ZonedDateTime now = ZonedDateTime.now(clock);
        Duration ago = Duration.between(when, now);
        if (ago.toMinutes() < 1) {
            return text.get("presence.lastSeen.justNow");
        }
        if (ago.toMinutes() < 60) {
            return text.get("presence.lastSeen.minutes", ago.toMinutes());
        }
        String time =
                when.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        LocalDate day = when.toLocalDate();
        LocalDate today = now.toLocalDate();
        if (day.equals(today)) {
            return text.get("presence.lastSeen.today", time);
        }
        if (day.equals(today.minusDays(1))) {
            return text.get("presence.lastSeen.yesterday", time);
        }
        String pattern = day.getYear() == today.getYear() ? "d MMM" : "d MMM yyyy";
        return text.get("presence.lastSeen.date", day.format(DateTimeFormatter.ofPattern(pattern, locale)));
    }
}
