package app.parley.desktop.bench;

import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.model.account.UserProfile;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the benchmark's person has on the server: {@code chats} group chats shared with one
 * other person, each with a few messages, and the first of them ("Archive") holding
 * {@code messages} messages from both, as the app's own HTTP client would send them.
 */
record BenchData(ApiClient me, UserProfile profile, long bigChatId, List<Long> chatIds) {
    /**
     * A busy machine makes the server refuse some of the seeding's sends with {@code slow_down}
     * (429): each is sent again after a pause, with its own client_msg_id, so none is doubled.
     */
    private static final RetryPolicy<Object> WHEN_BUSY = RetryPolicy.builder()
            .handleIf(failure -> failure instanceof ApiException refused && refused.status() == 429)
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
            .withMaxRetries(20)
            .build();

    private static final String[] WORDS = ("the release build is green again and I pushed the fix for the login screen "
                    + "tomorrow morning we can look at the installer together if you have time "
                    + "сборка снова зелёная я выложил исправление экрана входа завтра утром "
                    + "посмотрим установщик вместе если будет время спасибо отлично")
            .split(" ");

    static BenchData seed(ApiClient anonymous, int chats, int messages) throws Exception {
        var myAuth = anonymous.register("bench", "correct horse battery", "Bench Person");
        var otherAuth = anonymous.register("mira", "correct horse battery", "Мира Соколова");
        ApiClient me = anonymous.signedIn(myAuth.accessToken());
        ApiClient other = anonymous.signedIn(otherAuth.accessToken());
        long otherId = otherAuth.user().id();
        Random random = new Random(13);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            String name = i == 0 ? "Archive" : "Team " + (i + 1);
            ids.add(me.createGroup(name, "", List.of(otherId)).id());
        }
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                ApiClient author = i % 3 == 0 ? me : other;
                String text = text(random);
                String clientMsgId = UUID.randomUUID().toString();
                sent.add(senders.submit(() ->
                        Failsafe.with(WHEN_BUSY).get(() -> author.send(ids.getFirst(), text, clientMsgId, List.of()))));
            }
            for (int c = 1; c < ids.size(); c++) {
                for (int m = 0; m < 3; m++) {
                    ApiClient author = m % 2 == 0 ? me : other;
                    long chat = ids.get(c);
                    String text = text(random);
                    String clientMsgId = UUID.randomUUID().toString();
                    sent.add(senders.submit(
                            () -> Failsafe.with(WHEN_BUSY).get(() -> author.send(chat, text, clientMsgId, List.of()))));
                }
            }
            for (Future<?> each : sent) {
                each.get();
            }
        }
        return new BenchData(me, myAuth.user(), ids.getFirst(), List.copyOf(ids));
    }

    /** One to forty words, now and then over two lines, as people write. */
    private static String text(Random random) {
        int words = 1 + (int) Math.min(39, Math.abs(random.nextGaussian() * 12));
        var text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(w % 17 == 16 ? "\n" : " ");
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
