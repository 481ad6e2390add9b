package app.parley.server.bench;

import app.parley.server.ParleyServer;
import app.parley.server.accounts.AccountService;
import app.parley.server.accounts.PasswordHasher;
import app.parley.server.security.TokenIssuer;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Puts a {@link SocialGraph} into a new data dir the fast way, so that 10,000 people do not take
 * an hour of bcrypt and HTTP:
 *
 * <ol>
 *   <li>a server is started on the empty dir (its migrations make the schema) and everything is
 *       written with plain JDBC into its tables, as {@link CoreBenchmark} does: accounts, groups
 *       (the first member owns each), private chats (with the server's {@code pair_key}),
 *       memberships, and some history in every chat (Vocabulary sentences, so search finds them),
 *       all read by every member. Every account gets the same password hash, made once by the
 *       server's own {@link PasswordHasher} (bcrypt, cost 10), so a real sign-in works;
 *   <li>the server is stopped and started again: at start it computes the look-alike skeletons
 *       of the usernames (which SQL cannot), as for any account it has not seen;
 *   <li>with {@code --sign-in=token}, that server issues each account a token through its own
 *       {@link TokenIssuer}: a session row and a signed JWT, exactly what a sign-in ends with,
 *       without the bcrypt check before it. The tokens stay good for the server under test, which
 *       reads the same signing key from the same data dir.
 * </ol>
 */
final class PopulationSeeder {
    static final String PASSWORD = "loadsim-password";
    /** The client name the minted sessions carry, as a sign-in's User-Agent would. */
    private static final String CLIENT = "parley-loadsim";

    private final SimulationOptions options;

    PopulationSeeder(SimulationOptions options) {
        this.options = options;
    }

    /** The seeded people (index = user number) and chats (index = the graph's chat number). */
    record Population(
            SocialGraph graph, long[] userIds, String[] usernames, String[] tokens, long[] chatIds, long messages) {}

    Population seed(Path dataDir, SocialGraph graph) throws SQLException {
        long[] userIds = new long[graph.users()];
        String[] usernames = new String[graph.users()];
        long[] chatIds = new long[graph.chats().size()];
        long messages;
        try (ParleyServer server = ParleyServer.start(settings(dataDir))) {
            String hash = server.context().getBean(PasswordHasher.class).hash(PASSWORD);
            DataSource dataSource =
                    DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class));
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                insertUsers(connection, hash, userIds, usernames);
                insertChats(connection, graph, userIds, chatIds);
                messages = insertHistory(connection, graph, userIds, chatIds);
                markAllRead(connection);
                connection.commit();
                // Back to autocommit before the pool takes it: SQLite would keep a transaction open on it.
                connection.setAutoCommit(true);
            }
        }
        String[] tokens = new String[graph.users()];
        try (ParleyServer server = ParleyServer.start(settings(dataDir))) {
            if (options.signIn() == SimulationOptions.SignIn.TOKEN) {
                AccountService accounts = server.context().getBean(AccountService.class);
                TokenIssuer issuer = server.context().getBean(TokenIssuer.class);
                HttpRequest<?> signIn = HttpRequest.POST("http://127.0.0.1/api/v1/auth/login", "")
                        .header(HttpHeaders.USER_AGENT, CLIENT);
                for (int u = 0; u < userIds.length; u++) {
                    tokens[u] = issuer.issue(accounts.requireCaller(userIds[u]), signIn);
                }
            }
        }
        return new Population(graph, userIds, usernames, tokens, chatIds, messages);
    }

    private ParleyServer.Settings settings(Path dataDir) {
        ParleyServer.Settings settings = ParleyServer.Settings.of(dataDir, 0);
        for (var property : options.properties().entrySet()) {
            settings = settings.withProperty(property.getKey(), property.getValue());
        }
        return settings;
    }

    private static void insertUsers(Connection connection, String hash, long[] userIds, String[] usernames)
            throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (uuid, username, username_key, name, description, password_hash, is_bot, created_at)"
                        + " VALUES (?, ?, ?, ?, '', ?, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int u = 0; u < userIds.length; u++) {
                usernames[u] = "sim%05d".formatted(u);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, usernames[u]);
                insert.setString(3, usernames[u]);
                insert.setString(4, "Sim User " + u);
                insert.setString(5, hash);
                insert.setLong(6, now);
                insert.executeUpdate();
                userIds[u] = generatedKey(insert);
            }
        }
        connection.commit();
    }

    private static void insertChats(Connection connection, SocialGraph graph, long[] userIds, long[] chatIds)
            throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement chat = connection.prepareStatement(
                        "INSERT INTO chats (uuid, kind, name, description, owner_id, pair_key, created_at)"
                                + " VALUES (?, ?, ?, '', ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS);
                PreparedStatement member = connection.prepareStatement(
                        "INSERT INTO chat_members (chat_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)")) {
            for (int c = 0; c < chatIds.length; c++) {
                SocialGraph.GraphChat graphChat = graph.chats().get(c);
                int[] members = graphChat.members();
                chat.setString(1, UUID.randomUUID().toString());
                chat.setString(2, graphChat.group() ? "group" : "private");
                chat.setString(3, graphChat.name());
                if (graphChat.group()) {
                    chat.setLong(4, userIds[members[0]]);
                    chat.setNull(5, java.sql.Types.VARCHAR);
                } else {
                    long a = userIds[members[0]];
                    long b = userIds[members[1]];
                    chat.setNull(4, java.sql.Types.INTEGER);
                    chat.setString(5, Math.min(a, b) + ":" + Math.max(a, b));
                }
                chat.setLong(6, now);
                chat.executeUpdate();
                chatIds[c] = generatedKey(chat);
                for (int i = 0; i < members.length; i++) {
                    member.setLong(1, chatIds[c]);
                    member.setLong(2, userIds[members[i]]);
                    member.setString(3, graphChat.group() && i == 0 ? "owner" : "member");
                    member.setLong(4, now);
                    member.addBatch();
                }
                if (c % 1000 == 999) {
                    member.executeBatch();
                }
            }
            member.executeBatch();
        }
        connection.commit();
    }

    /** {@code --history} messages in each group (more than a page, so there is something to scroll back to). */
    private long insertHistory(Connection connection, SocialGraph graph, long[] userIds, long[] chatIds)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(options.seed() * 31 + 7);
        long total = 0;
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (uuid, chat_id, author_id, text, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int c = 0; c < chatIds.length; c++) {
                SocialGraph.GraphChat chat = graph.chats().get(c);
                int count = chat.group() ? options.history() : Math.max(1, options.history() / 6);
                for (int i = 0; i < count; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setLong(2, chatIds[c]);
                    insert.setLong(3, userIds[chat.members()[random.nextInt(chat.members().length)]]);
                    insert.setString(4, Vocabulary.sentence(random));
                    insert.setLong(5, now - (long) (count - i) * 60_000);
                    insert.addBatch();
                    if (++total % 10_000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            insert.executeBatch();
        }
        SeededSearchIndex.fill(connection, "1 = 1");
        connection.commit();
        return total;
    }

    /** Everyone has read (and received) everything seeded: unread counts start at zero. */
    private static void markAllRead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE chats SET last_message_id = (SELECT MAX(id) FROM messages m WHERE m.chat_id = chats.id)");
            statement.executeUpdate("""
                UPDATE chat_members SET
                    last_read_message_id = COALESCE((SELECT last_message_id FROM chats c WHERE c.id = chat_id), 0),
                    last_delivered_message_id = COALESCE((SELECT last_message_id FROM chats c WHERE c.id = chat_id), 0),
                    unread_count = 0\
                """);
            statement.executeUpdate("PRAGMA optimize");
        }
    }

    private static long generatedKey(Statement statement) throws SQLException {
        try (var keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
