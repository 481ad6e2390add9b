package app.parley.server.reactions;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.stream.Collectors;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.Qualification;

/**
 * One spelling per emoji. Keyboards and pickers send some emoji with the emoji variation selector
 * (U+FE0F) and some without: "❤" and "❤️" are the same heart to a person, so both become Unicode's
 * fully-qualified form, and two people who react with either count together.
 */
@Singleton
class EmojiSpellings {
    private static final String VARIATION_SELECTOR = "\uFE0F";

    /** The emoji with every variation selector taken out → its fully-qualified form. */
    private final Map<String, String> fullyQualified = EmojiManager.getAllEmojis().stream()
            .filter(emoji -> emoji.getQualification() == Qualification.FULLY_QUALIFIED)
            .collect(Collectors.toMap(emoji -> bare(emoji.getEmoji()), Emoji::getEmoji, (one, other) -> one));

    /** The fully-qualified form of an emoji (one the caller has checked is an emoji). */
    String canonical(String emoji) {
        return fullyQualified.getOrDefault(bare(emoji), emoji);
    }

    private static String bare(String emoji) {
        return emoji.replace(VARIATION_SELECTOR, "");
    }
}
