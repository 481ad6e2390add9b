package app.parley.desktop.conversation;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

/**
 * A message's text cut into plain runs and links, the way chat apps link what people paste:
 * {@code https://…}, bare {@code www.…} addresses and e-mail addresses. Only web and mail links
 * become clickable; anything else that looks like a URL ({@code file:}, {@code javascript:})
 * stays text, so a message can never make the app open a local file or run a script.
 */
public final class MessageText {
    private final LinkExtractor extractor = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL))
            .build();

    /** A run of the text: {@code target} is the address to open, or null for plain text. */
    public record Run(String text, String target) {
        public boolean link() {
            return target != null;
        }
    }

    public List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        for (Span span : extractor.extractSpans(text)) {
            String shown = text.substring(span.getBeginIndex(), span.getEndIndex());
            Optional<String> target =
                    span instanceof LinkSpan link ? targetOf(link.getType(), shown) : Optional.empty();
            runs.add(new Run(shown, target.orElse(null)));
        }
        return runs;
    }

    private static Optional<String> targetOf(LinkType type, String shown) {
        String candidate = switch (type) {
            case WWW -> "https://" + shown;
            case EMAIL -> "mailto:" + shown;
            case URL -> shown;
        };
        try {
            URI uri = URI.create(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return switch (scheme) {
                case "http", "https", "mailto" -> Optional.of(uri.toString());
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }
}
