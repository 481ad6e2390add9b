package app.parley.model.message;

import app.parley.model.account.UserRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The message a reply answers, as the reply shows it: its author and the first line of its text
 * as they are now ({@code files}: how many files it carries, so a quote of a file alone can say
 * so). A message deleted since is {@code {"id", "deleted": true}} and nothing more.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplyQuote(
        long id,
        @JsonInclude(JsonInclude.Include.NON_NULL) UserRef author,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int files,
        boolean deleted) {

    /** The longest first line a quote keeps, in characters; a longer one ends in "…". */
    public static final int TEXT_MAX = 120;

    /** The quote of a message that is still there. */
    public static ReplyQuote of(long id, UserRef author, String text, int files) {
        return new ReplyQuote(id, author, firstLine(text), files, false);
    }

    /** The quote of a message that has been deleted since the reply was written. */
    public static ReplyQuote deleted(long id) {
        return new ReplyQuote(id, null, null, 0, true);
    }

    static String firstLine(String text) {
        String line = text == null
                ? ""
                : text.strip()
                        .lines()
                        .filter(it -> !it.isBlank())
                        .findFirst()
                        .orElse("")
                        .strip();
        if (line.codePointCount(0, line.length()) <= TEXT_MAX) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, TEXT_MAX - 1)) + "…";
    }
}
