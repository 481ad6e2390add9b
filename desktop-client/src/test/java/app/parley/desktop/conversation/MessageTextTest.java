package app.parley.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTest {
    private final MessageText text = new MessageText();

    @Test
    void webAndMailAddressesBecomeLinksAndTheRestStaysText() {
        assertEquals(
                List.of(
                        new MessageText.Run("see ", null),
                        new MessageText.Run("https://parley.example/a?b=1", "https://parley.example/a?b=1"),
                        new MessageText.Run(", ", null),
                        new MessageText.Run("www.example.org", "https://www.example.org"),
                        new MessageText.Run(" or ", null),
                        new MessageText.Run("anna@example.org", "mailto:anna@example.org")),
                text.runs("see https://parley.example/a?b=1, www.example.org or anna@example.org"));
    }

    @Test
    void addressesThatWouldOpenLocalFilesOrScriptsAreNotLinks() {
        assertEquals(
                List.of(new MessageText.Run("file:///etc/passwd and javascript://alert(1)", null)),
                merged(text.runs("file:///etc/passwd and javascript://alert(1)")));
    }

    @Test
    void noTextMeansNoRuns() {
        assertEquals(List.of(), text.runs(""));
        assertEquals(List.of(), text.runs(null));
    }

    /** Neighbouring plain runs read as one (the extractor may cut text where a refused link was). */
    private static List<MessageText.Run> merged(List<MessageText.Run> runs) {
        StringBuilder plain = new StringBuilder();
        for (MessageText.Run run : runs) {
            if (run.link()) {
                return runs;
            }
            plain.append(run.text());
        }
        return List.of(new MessageText.Run(plain.toString(), null));
    }
}
