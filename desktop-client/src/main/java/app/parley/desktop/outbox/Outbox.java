package app.parley.desktop.outbox;

import app.parley.desktop.app.Background;
import app.parley.desktop.attachments.Attachments;
import app.parley.desktop.attachments.NothingToSend;
import app.parley.desktop.attachments.Upload;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.desktop.net.ApiException;
import app.parley.desktop.net.ServerUnreachableException;
import app.parley.model.message.Message;
import app.parley.model.message.ReplyQuote;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in person's unsent messages, in every chat, kept on disk so that neither switching
 * chats nor closing the app loses one. They go out while the main socket is connected, in the
 * order written within each chat, each with its first {@code client_msg_id} however often it is
 * sent (the server keeps it once). A send that does not get through is tried again with growing
 * pauses, and at once when the connection comes back; one the server refuses (4xx) becomes
 * failed and waits for the person to retry or delete it.
 *
 * <p>Its state changes on the FX thread; uploads and sends run on workers.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final ApiClient api;
    private final long userId;
    private final Attachments attachments;
    private final Background background;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final OutboxStore store;
    private final ProblemText problems;

    private final ObservableList<OutboxEntry> entries = FXCollections.observableArrayList();
    private final ObservableSet<Long> unsentChats = FXCollections.observableSet();
    /*
     * The read-only views are made once and kept: such a view listens to its list only weakly,
     * so a view made per call and then dropped would stop telling its listeners anything.
     */
    private final ObservableList<OutboxEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObservableSet<Long> readOnlyUnsentChats = FXCollections.unmodifiableObservableSet(unsentChats);
    /** The files being uploaded for each message, by client_msg_id: their progress shows in the chat. */
    private final Map<String, List<Upload>> uploads = new HashMap<>();
    /** Chats with a send on its way: one at a time per chat keeps their order. */
    private final Set<Long> sending = new HashSet<>();

    private final Map<Long, Duration> pauses = new HashMap<>();
    private final List<Consumer<Message>> deliveredListeners = new CopyOnWriteArrayList<>();
    private long version;
    private boolean online;
    private boolean closed;

    public Outbox(
            ApiClient api,
            long userId,
            Attachments attachments,
            Background background,
            ScheduledExecutorService timers,
            Clock clock,
            OutboxStore store,
            ProblemText problems) {
        this.api = api;
        this.userId = userId;
        this.attachments = attachments;
        this.background = background;
        this.timers = timers;
        this.clock = clock;
        this.store = store;
        this.problems = problems;
        entries.setAll(store.load(api.server().toString(), userId));
        entries.addListener((ListChangeListener<OutboxEntry>) change -> {
            unsentChats.retainAll(entries.stream().map(OutboxEntry::chatId).toList());
            entries.forEach(entry -> unsentChats.add(entry.chatId()));
        });
        entries.forEach(entry -> unsentChats.add(entry.chatId()));
    }

    /** Every unsent message, in the order written. */
    public ObservableList<OutboxEntry> entries() {
        return readOnlyEntries;
    }

    /** The chats that have unsent messages (pending or failed). */
    public ObservableSet<Long> unsentChats() {
        return readOnlyUnsentChats;
    }

    /** The files of an unsent message, with their upload progress. */
    public List<Upload> uploadsOf(OutboxEntry entry) {
        return uploads.computeIfAbsent(
                entry.clientMsgId(),
                id -> entry.files().stream()
                        .map(file -> new Upload(Path.of(file.path()), file.name(), file.size(), background))
                        .toList());
    }

    /** Hears every message the server has stored from the outbox (on the FX thread), before it leaves the outbox. */
    public Subscription onDelivered(Consumer<Message> listener) {
        deliveredListeners.add(listener);
        return () -> deliveredListeners.remove(listener);
    }

    /** Puts a new message in the outbox; it goes out as soon as it can. */
    public OutboxEntry write(long chatId, String text, List<Upload> files) {
        return write(chatId, text, files, null);
    }

    /** The same for a reply to the quoted message (null: a message that answers none). */
    public OutboxEntry write(long chatId, String text, List<Upload> files, ReplyQuote replyTo) {
        var entry = new OutboxEntry(
                UUID.randomUUID().toString(),
                chatId,
                text,
                clock.instant(),
                files.stream()
                        .map(upload -> new OutboxFile(upload.file().toString(), upload.name(), upload.size(), null))
                        .toList(),
                false,
                null,
                replyTo);
        uploads.put(entry.clientMsgId(), List.copyOf(files));
        entries.add(entry);
        save();
        pump(chatId);
        return entry;
    }

    /** Sends a failed message again, with its first client_msg_id. */
    public void retry(String clientMsgId) {
        find(clientMsgId).filter(OutboxEntry::failed).ifPresent(entry -> {
            replace(entry.pendingAgain());
            save();
            pauses.remove(entry.chatId());
            pump(entry.chatId());
        });
    }

    /** Drops an unsent message (one on its way may still arrive). */
    public void discard(String clientMsgId) {
        find(clientMsgId).ifPresent(this::remove);
        save();
    }

    /** Drops every unsent message: the person signs out and chose to lose them. */
    public void discardAll() {
        entries.clear();
        uploads.clear();
        save();
    }

    /** The main socket is connected: send what waits, without the pauses of the failures before. */
    public void online() {
        online = true;
        pauses.clear();
        entries.stream().map(OutboxEntry::chatId).distinct().toList().forEach(this::pump);
    }

    /** The connection dropped: nothing is tried until it is back. */
    public void offline() {
        online = false;
    }

    /** Stops sending and writes the outbox as it is now (the app is closing or the person signs out). */
    @Override
    public void close() {
        closed = true;
        try {
            store.write(++version, saved());
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the unsent messages", e);
        }
    }

    private java.util.Optional<OutboxEntry> find(String clientMsgId) {
        return entries.stream()
                .filter(entry -> entry.clientMsgId().equals(clientMsgId))
                .findFirst();
    }

    private void replace(OutboxEntry changed) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).clientMsgId().equals(changed.clientMsgId())) {
                entries.set(i, changed);
                return;
            }
        }
    }

    private void remove(OutboxEntry entry) {
        entries.removeIf(each -> each.clientMsgId().equals(entry.clientMsgId()));
        uploads.remove(entry.clientMsgId());
    }

    /** Sends the chat's next waiting message, unless one is on its way or the app is offline. */
    private void pump(long chatId) {
        if (closed || !online || sending.contains(chatId)) {
            return;
        }
        entries.stream()
                .filter(entry -> entry.chatId() == chatId && !entry.failed())
                .findFirst()
                .ifPresent(this::send);
    }

    private void send(OutboxEntry entry) {
        sending.add(entry.chatId());
        List<Upload> files = uploadsOf(entry);
        background.run(
                () -> api.send(
                        entry.chatId(),
                        entry.text(),
                        entry.clientMsgId(),
                        uploaded(entry, files),
                        entry.replyTo() == null ? null : entry.replyTo().id()),
                message -> {
                    sending.remove(entry.chatId());
                    pauses.remove(entry.chatId());
                    if (closed) {
                        return;
                    }
                    deliveredListeners.forEach(listener -> listener.accept(message));
                    find(entry.clientMsgId()).ifPresent(this::remove);
                    save();
                    pump(entry.chatId());
                },
                failure -> {
                    sending.remove(entry.chatId());
                    if (!closed) {
                        notSent(entry, failure);
                    }
                });
    }

    /**
     * Uploads the files not uploaded by an earlier try, noting each one's id in the outbox as it
     * is done; answers all the ids. Blocks, on a worker.
     */
    private List<Long> uploaded(OutboxEntry entry, List<Upload> files) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < entry.files().size(); i++) {
            OutboxFile file = entry.files().get(i);
            if (file.uploaded()) {
                ids.add(file.attachmentId());
                continue;
            }
            List<Long> done = attachments.upload(entry.chatId(), List.of(files.get(i)));
            if (!done.isEmpty()) { // empty: the person cancelled this file, the message goes without it
                long id = done.getFirst();
                ids.add(id);
                int index = i;
                background.onUi(() -> fileUploaded(entry.clientMsgId(), index, id));
            }
        }
        if (ids.isEmpty() && entry.text().isBlank()) {
            throw new NothingToSend();
        }
        return ids;
    }

    private void fileUploaded(String clientMsgId, int index, long attachmentId) {
        find(clientMsgId).ifPresent(entry -> {
            replace(entry.withFile(index, entry.files().get(index).uploadedAs(attachmentId)));
            save();
        });
    }

    private void notSent(OutboxEntry entry, Throwable failure) {
        boolean nothingLeft = failure instanceof NothingToSend
                || failure instanceof ApiException refused && refused.code().equals("message_deleted");
        if (nothingLeft) {
            find(entry.clientMsgId()).ifPresent(this::remove);
            save();
            pump(entry.chatId());
        } else if (worthRetrying(failure)) {
            Duration pause = pauses.getOrDefault(entry.chatId(), FIRST_PAUSE);
            pauses.put(entry.chatId(), min(pause.multipliedBy(2), LONGEST_PAUSE));
            timers.schedule(() -> background.onUi(() -> pump(entry.chatId())), pause.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            LOG.info("The server refused message {}: {}", entry.clientMsgId(), failure.getMessage());
            String why = problems.describe(failure);
            find(entry.clientMsgId()).ifPresent(now -> replace(now.failedBecause(why)));
            save();
            pump(entry.chatId());
        }
    }

    /** Not reaching the server, or the server failing, may pass; a refusal (4xx) or an unreadable file will not. */
    private static boolean worthRetrying(Throwable failure) {
        return failure instanceof ServerUnreachableException
                || failure instanceof ApiException refused && (refused.status() >= 500 || refused.status() == 429);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private OutboxStore.Saved saved() {
        return new OutboxStore.Saved(api.server().toString(), userId, List.copyOf(entries));
    }

    /** Writes the outbox on a worker; the store keeps only the newest of writes that overtake each other. */
    private void save() {
        long now = ++version;
        OutboxStore.Saved content = saved();
        background.run(
                () -> {
                    store.write(now, content);
                    return now;
                },
                written -> {},
                failure -> LOG.warn("Could not keep the unsent messages", failure));
    }
}
