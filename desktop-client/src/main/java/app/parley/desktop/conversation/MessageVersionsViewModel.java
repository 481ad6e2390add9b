package app.parley.desktop.conversation;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.message.MessageVersions;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Every text an edited message has had, loaded from the server for the dialog that lists them. */
public final class MessageVersionsViewModel {
    private final ApiClient api;
    private final Background background;
    private final ProblemText problems;
    private final long chatId;
    private final long messageId;
    private final ReadOnlyObjectWrapper<MessageVersions> versions = new ReadOnlyObjectWrapper<>(this, "versions");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    MessageVersionsViewModel(ApiClient api, Background background, ProblemText problems, long chatId, long messageId) {
        this.api = api;
        this.background = background;
        this.problems = problems;
        this.chatId = chatId;
        this.messageId = messageId;
    }

    /** The texts, oldest first and the current one last; null until loaded. */
    public ReadOnlyObjectProperty<MessageVersions> versionsProperty() {
        return versions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void load() {
        background.run(
                () -> api.messageVersions(chatId, messageId),
                versions::set,
                failure -> problem.set(problems.describe(failure)));
    }
}
