package app.parley.server.bench;

import app.parley.server.ParleyServer;
import app.parley.server.config.ParleyLimits;
import app.parley.server.messages.HistoryQuery;
import app.parley.server.messages.MessageService;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Server-side latency of the core reads on a large installation: one chat with 1,000,000
 * messages, one user in 200 chats. Prints p50/p99 per operation; it is a harness, not a test.
 *
 * <p>Run: {@code mvn -q -pl server -am test-compile exec:exec -Dparley.exec.scope=test
 * -Dparley.server.main=app.parley.server.bench.CoreBenchmark} (optionally
 * {@code -Dparley.args="--messages=1000000 --iterations=2000"}).
 */
public final class CoreBenchmark {
    private static final int CHATS = 200;

    private CoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messageCount = intArg(args, "--messages=", 1_000_000);
        int iterations = intArg(args, "--iterations=", 2_000);
        Path dataDir = Files.createTempDirectory("parley-bench-");
        System.out.printf(
                "Parley core benchmark: %,d messages in one chat, a user in %d chats, %,d timed calls each%n",
                messageCount, CHATS, iterations);
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            // The bean is transaction-aware; seeding manages its own transactions on the pool itself.
            DataSource dataSource =
                    DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class));
            long start = System.nanoTime();
            Seeded seeded = seed(dataSource, messageCount);
            System.out.printf(
                    "seeded in %.1f s (database %,d MB)%n",
                    (System.nanoTime() - start) / 1e9, Files.size(dataDir.resolve("parley.db")) / (1024 * 1024));

            MessageService messages = server.context().getBean(MessageService.class);
            ParleyLimits limits = server.context().getBean(ParleyLimits.class);
            SplittableRandom random = new SplittableRandom(7);
            HistoryQuery newest = HistoryQuery.of(50, 0, null, null, null, limits);

            report(
                    "history: newest page of 50",
                    iterations,
                    () -> messages.history(seeded.userId(), seeded.bigChatId(), newest)
                            .size());
            report("history: page of 50 before a random message", iterations, () -> {
                long before = seeded.firstMessageId() + random.nextLong(messageCount);
                return messages.history(
                                seeded.userId(), seeded.bigChatId(), HistoryQuery.of(50, 0, before, null, null, limits))
                        .size();
            });
            report(
                    "unread counts of a user in 200 chats",
                    iterations,
                    () -> messages.unreadCounts(seeded.userId()).size());
            report(
                    "search: a rare word (top 50)",
                    iterations,
                    () -> messages.search(seeded.userId(), seeded.bigChatId(), Vocabulary.rareWord(random), 50)
                            .size());
            report(
                    "search: any vocabulary word (top 50)",
                    iterations,
                    () -> messages.search(seeded.userId(), seeded.bigChatId(), Vocabulary.anyWord(random), 50)
                            .size());
            report(
                    "search: one of the 10 most common words (top 50)",
                    Math.max(20, iterations / 20),
                    () -> messages.search(seeded.userId(), seeded.bigChatId(), Vocabulary.commonWord(random), 50)
                            .size());
            report(
                    "search in a chat of 20-100 messages: one of the 10 most common words (top 50)",
                    Math.max(20, iterations / 20),
                    () -> messages.search(seeded.userId(), seeded.smallChatId(), Vocabulary.commonWord(random), 50)
                            .size());
            report(
                    "search: two words (top 50)",
                    iterations,
                    () -> messages.search(
                                    seeded.userId(),
                                    seeded.bigChatId(),
                                    Vocabulary.anyWord(random) + " " + Vocabulary.anyWord(random),
                                    50)
                            .size());
            report(
                    "search in all of a user's 200 chats (the big one included): a rare word (newest 50)",
                    iterations,
                    () -> messages.searchEverywhere(seeded.userId(), Vocabulary.rareWord(random), 50)
                            .size());
            report(
                    "search in all of a user's 200 chats (the big one included): one of the 10 most common words",
                    Math.max(20, iterations / 20),
                    () -> messages.searchEverywhere(seeded.userId(), Vocabulary.commonWord(random), 50)
                            .size());
            report(
                    "search in all of a user's chats (one small chat): a rare word",
                    Math.max(20, iterations / 20),
                    () -> messages.searchEverywhere(seeded.outsiderId(), Vocabulary.rareWord(random), 50)
                            .size());
            report(
                    "search in all of a user's chats (one small chat): one of the 10 most common words",
                    Math.max(20, iterations / 20),
                    () -> messages.searchEverywhere(seeded.outsiderId(), Vocabulary.commonWord(random), 50)
                            .size());
        } finally {
            deleteTree(dataDir);
        }
    }

    /** {@code outsiderId}: a member of the small chat only, not of the big one. */
    record Seeded(long userId, long bigChatId, long firstMessageId, long smallChatId, long outsiderId) {}

    /** Seeds with plain JDBC in large transactions: the benchmark measures reads, not the seeding. */
    private static Seeded seed(DataSource dataSource, int messageCount) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long now = System.currentTimeMillis();
            List<Long> users = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (uuid, username, username_key, name, description, password_hash, is_bot,"
                            + " created_at) VALUES (?, ?, ?, ?, '', 'x', 0, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i <= CHATS; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "bench" + i);
                    insert.setString(3, "bench" + i);
                    insert.setString(4, "Bench User " + i);
                    insert.setLong(5, now);
                    insert.executeUpdate();
                    users.add(generatedKey(insert));
                }
            }
            long me = users.getFirst();
            List<Long> chats = new ArrayList<>();
            try (PreparedStatement chat = connection.prepareStatement(
                            "INSERT INTO chats (uuid, kind, name, description, pair_key, created_at) VALUES (?,"
                                    + " 'private', '', '', ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement member = connection.prepareStatement(
                            "INSERT INTO chat_members (chat_id, user_id, role, joined_at) VALUES (?, ?, 'member',"
                                    + " ?)")) {
                for (int i = 1; i <= CHATS; i++) {
                    chat.setString(1, UUID.randomUUID().toString());
                    chat.setString(2, Math.min(me, users.get(i)) + ":" + Math.max(me, users.get(i)));
                    chat.setLong(3, now);
                    chat.executeUpdate();
                    long chatId = generatedKey(chat);
                    chats.add(chatId);
                    for (long user : new long[] {me, users.get(i)}) {
                        member.setLong(1, chatId);
                        member.setLong(2, user);
                        member.setLong(3, now);
                        member.addBatch();
                    }
                }
                member.executeBatch();
            }
            connection.commit();

            long bigChat = chats.getFirst();
            long firstId = insertMessages(connection, bigChat, me, users.get(1), messageCount, now);
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 1; i < chats.size(); i++) {
                insertMessages(connection, chats.get(i), me, users.get(i + 1), 20 + random.nextInt(80), now);
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(
                        "UPDATE chats SET last_message_id = (SELECT MAX(id) FROM messages m WHERE m.chat_id ="
                                + " chats.id)");
                statement.executeUpdate("""
                    UPDATE chat_members SET unread_count = (SELECT COUNT(*) FROM messages m
                        WHERE m.chat_id = chat_members.chat_id AND m.author_id <> chat_members.user_id)\
                    """);
                statement.executeUpdate("PRAGMA optimize");
            }
            connection.commit();
            // Back to autocommit before the pool takes it: SQLite would otherwise keep a transaction open on it.
            connection.setAutoCommit(true);
            return new Seeded(me, bigChat, firstId, chats.get(1), users.get(2));
        }
    }

    private static long insertMessages(Connection connection, long chatId, long userA, long userB, int count, long now)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(chatId);
        long firstId = -1;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (uuid, chat_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setLong(2, chatId);
                insert.setLong(3, random.nextBoolean() ? userA : userB);
                insert.setString(4, Vocabulary.sentence(random));
                insert.setLong(5, now - (long) (count - i) * 1000);
                insert.addBatch();
                if (i % 10_000 == 9_999 || i == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        SeededSearchIndex.fill(connection, "chat_id = " + chatId);
        connection.commit();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT MIN(id) FROM messages WHERE chat_id = " + chatId)) {
            rows.next();
            firstId = rows.getLong(1);
        }
        return firstId;
    }

    private static long generatedKey(Statement statement) throws SQLException {
        try (var keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void report(String operation, int iterations, LongSupplier call) {
        for (int i = 0; i < Math.max(100, iterations / 10); i++) {
            call.getAsLong();
        }
        long[] nanos = new long[iterations];
        long results = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            results += call.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-48s p50 %8.3f ms   p99 %8.3f ms   (avg %.1f rows)%n",
                operation,
                nanos[iterations / 2] / 1e6,
                nanos[(int) (iterations * 0.99)] / 1e6,
                (double) results / iterations);
    }

    /** {@code --name=N} from the arguments (underscores allowed), or {@code fallback}; the other harnesses use it too. */
    static int intArg(String[] args, String prefix, int fallback) {
        return Arrays.stream(String.join(" ", args).split("\\s+"))
                .filter(a -> a.startsWith(prefix))
                .findFirst()
                .map(a -> Integer.parseInt(a.substring(prefix.length()).replace("_", "")))
                .orElse(fallback);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
