package app.parley.desktop.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the app shows, from {@code messages*.properties} (English, Russian), in the
 * locale chosen at start (the OS locale unless {@code -Dparley.desktop.locale} names another).
 */
public final class Messages {
    private static final String BUNDLE = "app.parley.desktop.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages forLocale(Locale locale) {
        // Without this control a Russian-less lookup would fall back to the JVM's default locale.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for the key " + key, e);
        }
        // Always through MessageFormat, so every text follows one quoting rule ('' for an apostrophe).
        return new MessageFormat(pattern, locale).format(arguments);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
