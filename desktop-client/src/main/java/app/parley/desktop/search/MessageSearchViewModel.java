package app.parley.desktop.search;

import app.parley.desktop.app.Background;
import app.parley.desktop.chats.ChatListViewModel;
import app.parley.desktop.chats.UserIds;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.message.Message;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search in all of the person's chats at once ({@code GET /api/v1/search}): the newest matches
 * first, each with the chat it is in, as the chat list names it.
 */
public final class MessageSearchViewModel {
    private static final int LIMIT = 50;

    private final ApiClient api;
    private final long myId;
    private final ChatListViewModel chats;
    private final Background background;
    private final ProblemText problems;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Hit> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ReadOnlyStringWrapper searched = new ReadOnlyStringWrapper(this, "searched", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private long generation;

    /**
     * One match: the message, the name of its chat as the chat list shows it, whether the person
     * wrote it, and whether the chat is a group (where the author is worth naming).
     */
    public record Hit(Message message, String chatName, boolean mine, boolean inGroup) {}

    public MessageSearchViewModel(
            ApiClient api, long myId, ChatListViewModel chats, Background background, ProblemText problems) {
        this.api = api;
        this.myId = myId;
        this.chats = chats;
        this.background = background;
        this.problems = problems;
        // Results of an earlier query must not stay under a new one, to be opened by mistake.
        query.subscribe(typed -> {
            String now = typed == null ? "" : typed.strip();
            if (!now.equals(searched.get()) && !results.isEmpty()) {
                results.clear();
                searched.set("");
            }
        });
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Hit> results() {
        return results;
    }

    /** True while a search is on its way. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The query the results answer; empty before the first search. */
    public ReadOnlyStringProperty searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Searches for the query as typed; a blank one clears the results. */
    public void search() {
        String wanted = query.get() == null ? "" : query.get().strip();
        long mine = ++generation;
        problem.set("");
        if (wanted.isEmpty()) {
            results.clear();
            searched.set("");
            searching.set(false);
            return;
        }
        searching.set(true);
        background.run(
                () -> api.searchEverywhere(wanted, LIMIT),
                found -> {
                    if (mine != generation) {
                        return; // a newer search was asked for meanwhile
                    }
                    searching.set(false);
                    searched.set(wanted);
                    results.setAll(found.stream()
                            .map(message -> {
                                Optional<ChatRoom> room = chats.find(message.chatId());
                                return new Hit(
                                        message,
                                        room.map(ChatRoom::name).orElse(""),
                                        message.author() != null && UserIds.idOf(message.author()) == myId,
                                        room.map(chat -> chat.type() != ChatType.PRIVATE)
                                                .orElse(true));
                            })
                            .toList());
                },
                failure -> {
                    if (mine == generation) {
                        searching.set(false);
                        problem.set(problems.describe(failure));
                    }
                });
    }
}
