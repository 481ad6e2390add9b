package app.parley.desktop.bench;

import app.parley.desktop.app.Background;
import app.parley.desktop.app.ParleyDesktopApp;
import app.parley.desktop.attachments.Attachments;
import app.parley.desktop.conversation.ChatHeaderViewModel;
import app.parley.desktop.conversation.ConversationView;
import app.parley.desktop.conversation.ConversationViewModel;
import app.parley.desktop.conversation.Drafts;
import app.parley.desktop.conversation.MessageItem;
import app.parley.desktop.i18n.Messages;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.RealtimeClient;
import app.parley.desktop.session.SignedIn;
import app.parley.desktop.support.Wheel;
import app.parley.desktop.theme.ThemeChoice;
import app.parley.desktop.theme.Themes;
import app.parley.model.ParleyJson;
import app.parley.model.chat.ChatRoom;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * The real conversation screen (view-model, view, {@code MessageCell}) in this JVM's headless
 * JavaFX, against the real server: opens the big chat and loads its history page by page, timing
 * on the FX thread what each page of older messages costs: the task that adds it to the list
 * (with every listener it sets off) plus the CSS and layout of the next two pulses (the view
 * keeps the reader's message in place in between).
 */
final class PageAppendBenchmark {
    /** Where the reader is when a page arrives. */
    enum Reader {
        /**
         * At the oldest message shown, as when reading back: the list is scrolled to its top before
         * each page, and the view asks for the page itself, as its scroll bar reaching the top does.
         */
        AT_TOP("top", "scrolled to the top (reading back)"),
        /** Still at the newest message: pages are asked for without scrolling (the far end of the list). */
        AT_NEWEST("newest", "at the newest message");

        /** Its name in {@code --readers=}. */
        final String option;
        /** How the figures' heading names it. */
        final String description;

        Reader(String option, String description) {
            this.option = option;
            this.description = description;
        }
    }

    /**
     * FX-thread times of one page, in nanoseconds: wall-clock, and the CPU time the FX thread itself
     * used, which another busy process on the machine inflates less.
     */
    record Sample(int itemsBefore, long task, long pulses, long cpu) {
        long total() {
            return task + pulses;
        }
    }

    private final SignedIn session;
    private final ChatRoom chat;
    private final Reader reader;
    private final List<Sample> samples = new ArrayList<>();
    private final CompletableFuture<List<Sample>> done = new CompletableFuture<>();
    private ObservableList<MessageItem> items;
    private ConversationViewModel viewModel;
    private Sample pending;
    private int pulsesLeft;
    private long pulseStart;
    private long pulseCpuStart;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    private ListView<?> list;
    private boolean scrolledForNext;

    PageAppendBenchmark(SignedIn session, ChatRoom chat, Reader reader) {
        this.session = session;
        this.chat = chat;
        this.reader = reader;
    }

    List<Sample> run(Duration timeout) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
                ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor()) {
            var realtime = new RealtimeClient(
                    http, ParleyJson.mapper(), timers, Duration.ofMillis(500), Duration.ofSeconds(15));
            var background = new Background(workers, task -> Platform.runLater(() -> timed(task)));
            Platform.runLater(() -> open(realtime, background, timers));
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            Platform.runLater(() -> {
                if (viewModel != null) {
                    viewModel.close();
                }
            });
        }
    }

    private void open(RealtimeClient realtime, Background background, ScheduledExecutorService timers) {
        Messages text = Messages.forLocale(Locale.ENGLISH);
        new Themes(ThemeChoice.LIGHT);
        Clock clock = Clock.systemDefaultZone();
        var problems = new ProblemText(text);
        var cache = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "parley-bench-cache");
        var attachments = new Attachments(session.api(), background, problems, text, cache);
        var outbox = new app.parley.desktop.outbox.Outbox(
                session.api(),
                session.me().id(),
                attachments,
                background,
                timers,
                clock,
                new app.parley.desktop.outbox.OutboxStore(cache.resolve("outbox.json"), ParleyJson.mapper()),
                problems);
        viewModel = new ConversationViewModel(
                session, chat, realtime, background, problems, text, clock, timers, new Drafts(), attachments, outbox);
        items = viewModel.items();
        var view = new ConversationView(viewModel, new ChatHeaderViewModel(chat), null, text, clock, link -> {});
        // The conversation's share of the 1000 × 680 window, beside the chat list.
        var scene = new Scene(view.root(), 700, 680);
        scene.getStylesheets()
                .add(ParleyDesktopApp.class.getResource("parley.css").toExternalForm());
        scene.addPreLayoutPulseListener(() -> {
            pulseStart = System.nanoTime();
            pulseCpuStart = threads.getCurrentThreadCpuTime();
        });
        scene.addPostLayoutPulseListener(this::pulseDone);
        var stage = new Stage();
        stage.setScene(scene);
        stage.show();
        list = (ListView<?>) scene.lookup(".message-list");
        viewModel.loadedProperty().subscribe(loaded -> {
            if (loaded) {
                Platform.runLater(this::next);
            }
        });
    }

    /** Runs a task the view-model hands to the FX thread, and times it when it adds older messages. */
    private void timed(Runnable task) {
        int before = items == null ? 0 : items.size();
        MessageItem first = before == 0 ? null : items.getFirst();
        boolean loaded = viewModel != null && viewModel.loadedProperty().get();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        task.run();
        long took = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (loaded && items.size() > before && items.getFirst() != first) {
            pending = new Sample(before, took, 0, cpu);
            pulsesLeft = 2;
            Platform.requestNextPulse();
        }
    }

    private void pulseDone() {
        if (scrolledForNext) {
            // The scroll to the top is laid out; the view has asked for the page unless it was at the top already.
            scrolledForNext = false;
            viewModel.loadOlder();
            return;
        }
        if (pending == null) {
            return;
        }
        pending = new Sample(
                pending.itemsBefore(),
                pending.task(),
                pending.pulses() + System.nanoTime() - pulseStart,
                pending.cpu() + threads.getCurrentThreadCpuTime() - pulseCpuStart);
        if (--pulsesLeft > 0) {
            Platform.requestNextPulse();
            return;
        }
        samples.add(pending);
        pending = null;
        Platform.runLater(this::next);
    }

    private void next() {
        if (!viewModel.hasOlderProperty().get()) {
            done.complete(List.copyOf(samples));
        } else if (reader == Reader.AT_TOP) {
            Wheel.turn(list.lookup(".virtual-flow"), 400); // as a reader goes there
            list.scrollTo(0);
            scrolledForNext = true;
            Platform.requestNextPulse();
        } else {
            viewModel.loadOlder();
        }
    }
}
