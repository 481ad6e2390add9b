package app.parley.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One simulated person, modelled on Mattermost's simulative controller: it signs in (its chat
 * list, its main socket, who is online), then takes a turn every 5–195 % of the mean pause
 * (uniform; 1–39 s at the default 20 s) and on each turn does one {@link SimulatedAction}. At most
 * one chat is open at a time, with its chat socket, as in the desktop app. A turn is one virtual
 * thread; the next turn is scheduled when it ends, so a person never does two things at once.
 *
 * <p>Its state is touched only by its own turn, one at a time, except {@link #stop()}.
 */
final class SimUser {
    private static final int PAGE = 50;
    private static final long SOCKET_TIMEOUT_SECONDS = 30;

    private final int number;
    private final SimulationContext context;
    private final SplittableRandom random;
    private final List<ChatRef> chats = new ArrayList<>();
    private String token;
    private volatile SimSocket main;
    private volatile OpenChat open;
    private volatile boolean running;
    /** Which start the scheduled turns belong to: a turn left over from before a stop and a new start does nothing. */
    private final AtomicInteger generation = new AtomicInteger();

    private long uploads;

    /** A chat as the user's chat list names it. */
    record ChatRef(long id, boolean group) {}

    /** The chat on screen: its socket and how far back the user has scrolled. */
    private record OpenChat(ChatRef chat, SimSocket socket, long oldestSeen, boolean hasOlder) {}

    SimUser(int number, SimulationContext context) {
        this.number = number;
        this.context = context;
        this.random = new SplittableRandom(context.options().seed() * 1_000_003L + number);
        this.token = context.population().tokens()[number];
    }

    /** Signs in and, from then on, takes turns until stopped. */
    void start() {
        running = true;
        int current = generation.incrementAndGet();
        context.turns().execute(() -> {
            signIn();
            long mean = context.options().actionMean().toMillis();
            // The first turn anywhere in a whole pause: users who signed in together do not act together.
            scheduleTurn((long) (random.nextDouble() * 1.95 * mean), current);
        });
    }

    /** Signs in and stays connected without acting (the idle users of the memory figure). */
    void connectIdle() {
        running = true;
        signIn();
    }

    /**
     * Signs in and does every action once, a post with a file among them, then signs out: the
     * warm-up's way to make the server run each of its paths before anything is judged.
     */
    void tour() {
        connectIdle();
        for (SimulatedAction action : SimulatedAction.values()) {
            act(action);
        }
        postMessage(true);
        stop();
    }

    boolean connected() {
        return main != null;
    }

    void stop() {
        running = false;
        generation.incrementAndGet();
        closeOpenChat();
        SimSocket socket = main;
        main = null;
        if (socket != null) {
            socket.close();
        }
    }

    // ---------------------------------------------------------------- turns

    private void scheduleTurn(long delayMillis, int current) {
        if (running && generation.get() == current) {
            context.timers()
                    .schedule(() -> context.turns().execute(() -> turn(current)), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void turn(int current) {
        if (!running || generation.get() != current) {
            return;
        }
        if (main == null) {
            signIn(); // the sign-in failed before: try again, as a person would
        } else {
            act(SimulatedAction.pick(random));
        }
        long mean = context.options().actionMean().toMillis();
        scheduleTurn((long) (mean * (0.05 + 1.9 * random.nextDouble())), current);
    }

    private void act(SimulatedAction action) {
        switch (action) {
            case OPEN_CHAT -> timed(action.label(), () -> openChat(randomChatBut(open)));
            case SCROLL_BACK -> timed(action.label(), this::scrollBack);
            case OPEN_PRIVATE_CHAT -> timed(action.label(), this::openPrivateChat);
            case CHECK_UNREAD ->
                timed(
                        action.label(),
                        () -> context.api().get("GET /api/v1/chats/unread/", token, "/api/v1/chats/unread/"));
            case POST_MESSAGE -> postMessage(false);
            case SEARCH -> timed(action.label(), this::search);
            case PROFILE_OR_GROUP_INFO -> timed(action.label(), this::profileOrGroupInfo);
            case RECONNECT_MAIN_SOCKET -> timed(action.label(), this::reconnectMain);
            case IDLE -> context.metrics().current().idle();
        }
    }

    /** Times the body as one action; a failure is the action's error (unless the run is stopping). */
    private void timed(String action, Runnable body) {
        long start = System.nanoTime();
        try {
            body.run();
            context.metrics().current().action(action).record(System.nanoTime() - start);
        } catch (ActionFailure e) {
            if (running) {
                context.metrics().current().action(action).error(e.getMessage());
            }
        } catch (RuntimeException e) {
            if (running) {
                context.metrics().current().action(action).error(e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- sign in and the main socket

    private void signIn() {
        timed("sign in", () -> {
            if (context.options().signIn() == SimulationOptions.SignIn.PASSWORD) {
                JsonNode signedIn = context.api()
                        .post(
                                "POST /api/v1/auth/login",
                                null,
                                "/api/v1/auth/login",
                                Map.of(
                                        "username",
                                        context.population().usernames()[number],
                                        "password",
                                        PopulationSeeder.PASSWORD));
                token = signedIn.get("access_token").asText();
            } else {
                context.api().get("GET /api/v1/user", token, "/api/v1/user");
            }
            JsonNode rooms = context.api()
                    .get("GET /api/v1/chats", token, "/api/v1/chats")
                    .get("rooms");
            chats.clear();
            for (JsonNode room : rooms) {
                chats.add(new ChatRef(
                        room.get("id").asLong(), "group".equals(room.get("type").asText())));
            }
            openMain();
        });
    }

    /** The main socket with presence (as the desktop app opens it), then who is online. */
    private void openMain() {
        main = connect("WS /api/v1/main (handshake)", "/api/v1/main?presence=true", "main socket", false);
        if (!running) {
            stop(); // stopped while this turn was opening it: nobody would close it
            return;
        }
        context.api().get("GET /api/v1/presence", token, "/api/v1/presence");
    }

    private void reconnectMain() {
        SimSocket old = main;
        if (old != null) {
            old.close();
        }
        main = null;
        openMain();
    }

    // ---------------------------------------------------------------- chats

    private void openChat(ChatRef chat) {
        closeOpenChat();
        SimSocket socket = connect(
                "WS /api/v1/chat/{id} (handshake + history)",
                "/api/v1/chat/" + chat.id() + "?limit=" + PAGE,
                "chat socket",
                true);
        JsonNode history = context.api().read(socket.firstFrame().join());
        if (!"history".equals(history.path("type").asText())) {
            socket.close();
            throw new ActionFailure(
                    "chat socket: first frame " + history.path("type").asText() + ", not history");
        }
        JsonNode messages = history.path("messages");
        long oldest = messages.isEmpty() ? 0 : messages.get(0).get("id").asLong();
        long newest = messages.isEmpty()
                ? 0
                : messages.get(messages.size() - 1).get("id").asLong();
        open = new OpenChat(chat, socket, oldest, history.path("has_more").asBoolean());
        if (!running) {
            closeOpenChat(); // stopped while this turn was opening it: nobody would close it
            return;
        }
        // The desktop app reads the read positions as the socket opens and marks read once the page is shown.
        CompletableFuture<JsonNode> positions = CompletableFuture.supplyAsync(
                () -> context.api()
                        .get(
                                "GET /api/v1/chats/{id}/read_positions/",
                                token,
                                "/api/v1/chats/" + chat.id() + "/read_positions/"),
                context.turns());
        context.api()
                .post(
                        "POST /api/v1/chats/{id}/mark_read/",
                        token,
                        "/api/v1/chats/" + chat.id() + "/mark_read/",
                        newest > 0 ? Map.of("up_to_message_id", newest) : null);
        join(positions);
    }

    private void scrollBack() {
        OpenChat current = open;
        if (current == null || !current.hasOlder()) {
            // Nothing open, or scrolled to the very first message: a page of another chat instead.
            ChatRef chat = randomChatBut(null);
            context.api()
                    .get(
                            "GET /api/v1/chats/{id}/messages/",
                            token,
                            "/api/v1/chats/" + chat.id() + "/messages/?limit=" + PAGE);
            return;
        }
        JsonNode page = context.api()
                .get(
                        "GET /api/v1/chats/{id}/messages/?before",
                        token,
                        "/api/v1/chats/" + current.chat().id() + "/messages/?before=" + current.oldestSeen() + "&limit="
                                + PAGE);
        JsonNode results = page.path("results");
        long oldest = results.isEmpty()
                ? current.oldestSeen()
                : results.get(results.size() - 1).get("id").asLong();
        if (open == current) {
            open = new OpenChat(
                    current.chat(), current.socket(), oldest, !page.path("next").isNull());
        }
    }

    private void openPrivateChat() {
        int other = acquaintance();
        JsonNode answer = context.api()
                .post(
                        "POST /api/v1/chat/{user_id}",
                        token,
                        "/api/v1/chat/" + context.population().userIds()[other],
                        null);
        ChatRef chat = new ChatRef(answer.get("chat").get("id").asLong(), false);
        if (!chats.contains(chat)) {
            chats.add(chat);
        }
        openChat(chat);
    }

    private void closeOpenChat() {
        OpenChat current = open;
        open = null;
        if (current != null) {
            current.socket().close();
        }
    }

    // ---------------------------------------------------------------- posting

    /** Typing first (not timed: it is the person's pause), then the post, with a file one time in ten. */
    private void postMessage(boolean withFileAlways) {
        OpenChat current = open;
        ChatRef chat = current != null ? current.chat() : randomChatBut(null);
        SimSocket typingOn = current != null ? current.socket() : main;
        String chatField = current != null ? "" : ",\"chat_id\":" + chat.id();
        if (typingOn != null) {
            typingOn.send("{\"type\":\"typing\"" + chatField + "}");
        }
        long typingMillis = context.options().typingMax().toMillis();
        if (typingMillis > 0) {
            try {
                Thread.sleep(random.nextLong(typingMillis / 4, typingMillis + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        boolean withFile = withFileAlways || random.nextInt(10) == 0;
        UploadPayloads.Payload file = withFile ? UploadPayloads.next(random, ++uploads) : null;
        String text = Vocabulary.sentence(random);
        timed(withFile ? "post message + file" : "post message", () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", text);
            body.put("client_msg_id", UUID.randomUUID().toString());
            if (file != null) {
                JsonNode attachment = context.api()
                        .upload(
                                "POST /api/v1/chats/{id}/files/",
                                token,
                                "/api/v1/chats/" + chat.id() + "/files/",
                                file.name(),
                                file.contentType(),
                                file.bytes());
                body.put("attachments", List.of(attachment.get("id").asLong()));
            }
            context.api()
                    .post(
                            "POST /api/v1/chats/{id}/messages/",
                            token,
                            "/api/v1/chats/" + chat.id() + "/messages/",
                            body);
        });
        if (typingOn != null) {
            typingOn.send("{\"type\":\"stop_typing\"" + chatField + "}");
        }
    }

    // ---------------------------------------------------------------- the rest

    private void search() {
        String word = Vocabulary.anyWord(random);
        context.api()
                .get(
                        "GET /api/v1/search/",
                        token,
                        "/api/v1/search/?query=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    }

    private void profileOrGroupInfo() {
        if (random.nextBoolean()) {
            long other = context.population().userIds()[acquaintance()];
            context.api().get("GET /api/v1/user/{id}", token, "/api/v1/user/" + other);
            return;
        }
        ChatRef chat = randomChatBut(null);
        if (chat.group()) {
            context.api().get("GET /api/v1/group/{id}/info", token, "/api/v1/group/" + chat.id() + "/info");
        } else {
            context.api().get("GET /api/v1/chat/{id}/info", token, "/api/v1/chat/" + chat.id() + "/info");
        }
    }

    /** Someone from one of the user's seeded chats (anyone else if it has none). */
    private int acquaintance() {
        int other = context.population().graph().acquaintance(number, random);
        if (other >= 0) {
            return other;
        }
        int users = context.population().graph().users();
        return (number + 1 + random.nextInt(users - 1)) % users;
    }

    private ChatRef randomChatBut(OpenChat current) {
        if (chats.isEmpty()) {
            throw new ActionFailure("the user has no chats");
        }
        ChatRef chat = chats.get(random.nextInt(chats.size()));
        if (current != null && chat.equals(current.chat()) && chats.size() > 1) {
            return randomChatBut(current);
        }
        return chat;
    }

    // ---------------------------------------------------------------- sockets

    /** Opens a socket (and, for a chat socket, waits for its first frame), timed as one request. */
    private SimSocket connect(String label, String path, String kind, boolean firstFrame) {
        LatencySamples samples = context.metrics().current().request(label);
        long start = System.nanoTime();
        CompletableFuture<SimSocket> opening = context.sockets().open(context.socket(path), token, trouble(kind));
        SimSocket socket = await(opening, label, samples);
        if (firstFrame) {
            try {
                await(socket.firstFrame(), label, samples);
            } catch (ActionFailure e) {
                socket.close();
                throw e;
            }
        }
        samples.record(System.nanoTime() - start);
        return socket;
    }

    private <T> T await(CompletableFuture<T> future, String label, LatencySamples samples) {
        try {
            return future.get(SOCKET_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            samples.error("timeout");
            future.thenAccept(value -> {
                if (value instanceof SimSocket late) {
                    late.close();
                }
            });
            throw new ActionFailure(label + ": timeout after " + SOCKET_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            String reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            samples.error(reason);
            throw new ActionFailure(label + ": " + reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailure(label + ": interrupted");
        }
    }

    /** What goes wrong on an open socket is an error of the step, under the socket's kind. */
    private Consumer<String> trouble(String kind) {
        return reason -> {
            if (running) {
                context.metrics().current().action(kind).error(reason);
            }
        };
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
