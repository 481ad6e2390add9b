package app.parley.server.bench;

import java.util.SplittableRandom;

/**
 * Chat-like text for the benchmark: Russian and English words drawn with a skewed (Zipf-like)
 * frequency, so some words are everywhere and most are rare, as in real chats.
 */
final class Vocabulary {
    private static final String[] STEMS = {
        "привет", "как", "дела", "сегодня", "завтра", "встреча", "проект", "сервер", "база", "данных",
        "отчёт", "вопрос", "ответ", "файл", "ссылка", "обед", "кофе", "релиз", "тест", "ошибка",
        "hello", "thanks", "meeting", "deploy", "build", "review", "merge", "branch", "release", "coffee",
        "lunch", "tomorrow", "today", "issue", "ticket", "docs", "design", "budget", "invoice", "backup"
    };
    private static final String[] WORDS = new String[4000];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            WORDS[i] = i < STEMS.length ? STEMS[i] : STEMS[i % STEMS.length] + suffix(i / STEMS.length);
        }
    }

    private Vocabulary() {}

    private static String suffix(int n) {
        String letters = "абвгдежзиклмнопрстуфхцчшщэюяabcdefghijklmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        int value = n;
        do {
            out.append(letters.charAt(value % letters.length()));
            value /= letters.length();
        } while (value > 0);
        return out.toString();
    }

    /** Zipf-like: index = floor(N^u) - 1 for uniform u favours small indexes heavily. */
    private static String skewed(SplittableRandom random) {
        int index = (int) Math.floor(Math.pow(WORDS.length, random.nextDouble())) - 1;
        return WORDS[Math.max(0, Math.min(WORDS.length - 1, index))];
    }

    static String sentence(SplittableRandom random) {
        int length = 3 + random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            String word = skewed(random);
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        return text.append(random.nextInt(5) == 0 ? "?" : ".").toString();
    }

    static String anyWord(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    static String commonWord(SplittableRandom random) {
        return WORDS[random.nextInt(10)];
    }

    static String rareWord(SplittableRandom random) {
        return WORDS[WORDS.length / 2 + random.nextInt(WORDS.length / 2)];
    }
}
