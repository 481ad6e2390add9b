package app.parley.server.bench;

import app.parley.server.ParleyServer;
import app.parley.server.messages.ChatKeyedWords;
import app.parley.server.messages.SearchVocabulary;
import app.parley.server.messages.SqliteMessageSearch;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What the search statements cost the writer per message, in transactions of {@code --batch}
 * messages as {@code GroupCommit} makes them: each way of writing them is run in turn, round after
 * round in one process, so a busy machine slows all of them alike. Every way also inserts each
 * message's text into a table of its own ({@code base} does only that), so each commits real work.
 *
 * <p>Run: {@code mvn -q -pl server -am test-compile exec:exec -Dparley.exec.scope=test
 * -Dparley.server.main=app.parley.server.bench.SearchWriteCost} (optionally {@code
 * -Dparley.args="--text=bench --transactions=100 --rounds=30 --batch=8"}); {@code --text=chat}
 * writes chat-like sentences ({@link Vocabulary}), {@code --text=bench} the texts of {@code
 * RealtimeBenchmark}, with a new number in every message.
 */
public final class SearchWriteCost {
    private static final String CHAT_INDEX = "INSERT INTO messages_chat_fts (rowid, words) VALUES ";

    /** The ways of writing a batch's search statements, measured in turn. */
    private enum Way {
        /** Only the message texts, no search statement. */
        BASE,
        /** The chat index insert through the repository, one per message. */
        CHAT_INDEX_REPOSITORY,
        /** The same through one plain JDBC statement prepared once per batch. */
        CHAT_INDEX_PREPARED,
        /** The same as one multi-row insert per batch. */
        CHAT_INDEX_BATCHED,
        /** Every word of each message to the list of words, as the server wrote it before. */
        WORDS_ALL,
        /** Both, as each message was written before known words were skipped. */
        BOTH_ALL_WORDS,
        /** Both, the list of words only for the words not known to be there. */
        BOTH_KNOWN_SKIPPED
    }

    private long nextId = 1;

    private SearchWriteCost() {}

    public static void main(String[] args) throws Exception {
        int transactions = CoreBenchmark.intArg(args, "--transactions=", 100);
        int rounds = CoreBenchmark.intArg(args, "--rounds=", 30);
        int batch = CoreBenchmark.intArg(args, "--batch=", 8);
        boolean benchText = String.join(" ", args).contains("--text=bench");
        Path dataDir = Files.createTempDirectory("parley-search-write-");
        System.out.printf(
                "Search statements per message: %d transactions of %d messages per way and round, %d rounds, %s text%n",
                transactions, batch, rounds, benchText ? "RealtimeBenchmark's" : "chat-like");
        try (ParleyServer server = ParleyServer.start(ParleyServer.Settings.of(dataDir, 0))) {
            @SuppressWarnings("unchecked") // the context hands the bean out by its raw type
            TransactionOperations<Connection> database = server.context().getBean(TransactionOperations.class);
            new SearchWriteCost()
                    .run(
                            database,
                            server.context().getBean(SqliteMessageSearch.class),
                            transactions,
                            rounds,
                            batch,
                            benchText);
        } finally {
            deleteTree(dataDir);
        }
    }

    private void run(
            TransactionOperations<Connection> database,
            SqliteMessageSearch search,
            int transactions,
            int rounds,
            int batch,
            boolean benchText) {
        database.executeWrite(status -> {
            try (Statement ddl = status.getConnection().createStatement()) {
                ddl.execute("CREATE TABLE bench_texts (id INTEGER PRIMARY KEY, text TEXT)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        SplittableRandom random = new SplittableRandom(7);
        Way[] ways = Way.values();
        double[][] micros = new double[ways.length][rounds];
        // Round -1 warms the JIT and the set of known words up; it is not counted.
        for (int round = -1; round < rounds; round++) {
            for (Way way : ways) {
                long start = System.nanoTime();
                for (int t = 0; t < transactions; t++) {
                    List<String> texts = new ArrayList<>(batch);
                    for (int m = 0; m < batch; m++) {
                        texts.add(benchText ? benchText(random) : Vocabulary.sentence(random));
                    }
                    database.executeWrite(status -> {
                        write(way, status.getConnection(), search, texts, random);
                        return null;
                    });
                }
                if (round >= 0) {
                    micros[way.ordinal()][round] = (System.nanoTime() - start) / 1e3 / ((double) transactions * batch);
                }
            }
        }
        for (Way way : ways) {
            double[] sorted = micros[way.ordinal()].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "%-21s per message: median %6.1f µs, quartiles %6.1f / %6.1f µs%n",
                    way.name().toLowerCase(Locale.ROOT),
                    sorted[sorted.length / 2],
                    sorted[sorted.length / 4],
                    sorted[sorted.length * 3 / 4]);
        }
    }

    private void write(
            Way way, Connection connection, SqliteMessageSearch search, List<String> texts, SplittableRandom random) {
        long[] ids = new long[texts.size()];
        long[] chats = new long[texts.size()];
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO bench_texts (id, text) VALUES (?, ?)")) {
            for (int i = 0; i < texts.size(); i++) {
                ids[i] = nextId++;
                chats[i] = 1 + random.nextInt(100);
                insert.setLong(1, ids[i]);
                insert.setString(2, texts.get(i));
                insert.executeUpdate();
            }
            switch (way) {
                case BOTH_KNOWN_SKIPPED -> {
                    for (int i = 0; i < texts.size(); i++) {
                        search.index(ids[i], chats[i], texts.get(i));
                    }
                }
                case CHAT_INDEX_REPOSITORY, BOTH_ALL_WORDS -> {
                    for (int i = 0; i < texts.size(); i++) {
                        search.indexInChat(ids[i], ChatKeyedWords.of(chats[i], texts.get(i)));
                    }
                }
                case CHAT_INDEX_PREPARED -> {
                    try (PreparedStatement index = connection.prepareStatement(CHAT_INDEX + "(?, ?)")) {
                        for (int i = 0; i < texts.size(); i++) {
                            index.setLong(1, ids[i]);
                            index.setString(2, ChatKeyedWords.of(chats[i], texts.get(i)));
                            index.executeUpdate();
                        }
                    }
                }
                case CHAT_INDEX_BATCHED -> {
                    String rows = String.join(", ", Collections.nCopies(texts.size(), "(?, ?)"));
                    try (PreparedStatement index = connection.prepareStatement(CHAT_INDEX + rows)) {
                        for (int i = 0; i < texts.size(); i++) {
                            index.setLong(2 * i + 1, ids[i]);
                            index.setString(2 * i + 2, ChatKeyedWords.of(chats[i], texts.get(i)));
                        }
                        index.executeUpdate();
                    }
                }
                default -> {}
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (way == Way.WORDS_ALL || way == Way.BOTH_ALL_WORDS) {
            texts.forEach(text -> search.rememberWords(SearchVocabulary.foldedWordsJson(text)));
        }
    }

    /** As {@code LoadClient} writes a message: its send time, its sender, 80 characters of padding. */
    private static String benchText(SplittableRandom random) {
        return "bench:" + System.nanoTime() + '|' + random.nextInt(1000) + '|' + "x".repeat(80);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
