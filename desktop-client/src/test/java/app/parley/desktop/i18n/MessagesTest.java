package app.parley.desktop.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        assertEquals(
                new TreeSet<>(bundle("messages.properties").stringPropertyNames()),
                new TreeSet<>(bundle("messages_ru.properties").stringPropertyNames()));
    }

    @Test
    void everyTextFollowsMessageFormatsQuotingRule() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_ru.properties"}) {
            Properties texts = bundle(file);
            for (String key : texts.stringPropertyNames()) {
                assertTrue(
                        !LONE_APOSTROPHE.matcher(texts.getProperty(key)).find(),
                        file + " " + key + " has a lone apostrophe, which MessageFormat would swallow: write ''");
            }
        }
    }

    @Test
    void russianIsChosenForARussianLocaleAndEnglishOtherwise() {
        assertEquals("Войти", Messages.forLocale(Locale.forLanguageTag("ru-RU")).get("signin.action.signIn"));
        assertEquals("Sign in", Messages.forLocale(Locale.GERMANY).get("signin.action.signIn"));
    }

    @Test
    void argumentsAndApostrophesComeOutAsWritten() {
        var english = Messages.forLocale(Locale.ENGLISH);
        assertTrue(english.get("problem.hostingRefused").contains("computer's"));
        assertEquals("(3) Parley", english.get("app.titleWithUnread", 3));
        assertEquals("One person is", english.get("close.detail", 1).substring(0, 13));
    }

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
