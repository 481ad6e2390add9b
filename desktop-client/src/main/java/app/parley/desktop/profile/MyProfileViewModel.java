package app.parley.desktop.profile;

import app.parley.desktop.app.Background;
import app.parley.desktop.i18n.ProblemText;
import app.parley.desktop.net.ApiClient;
import app.parley.model.account.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "My profile": the signed-in person's display name, description and photo. The server checks
 * the values (length, no invisible characters) and scales the photo; a refusal names the field.
 */
public final class MyProfileViewModel {
    private final ApiClient api;
    private final Background background;
    private final ProblemText problems;
    private final UserProfile me;
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty description = new SimpleStringProperty(this, "description");
    private final ObjectProperty<Path> photo = new SimpleObjectProperty<>(this, "photo");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public MyProfileViewModel(ApiClient api, UserProfile me, Background background, ProblemText problems) {
        this.api = api;
        this.me = me;
        this.background = background;
        this.problems = problems;
        name.set(me.name() == null ? "" : me.name());
        description.set(me.description() == null ? "" : me.description());
    }

    /** Who this is, as it was when the dialog opened. */
    public UserProfile me() {
        return me;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** A new picture chosen on disk; null keeps the current one. */
    public ObjectProperty<Path> photoProperty() {
        return photo;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Saves the profile; {@code onSaved} gets it as the server now has it. */
    public void save(Consumer<UserProfile> onSaved) {
        saving.set(true);
        String newName = name.get().strip();
        String newDescription = description.get().strip();
        Path newPhoto = photo.get();
        background.run(
                () -> {
                    api.updateProfile(newName, newDescription, newPhoto == null ? null : read(newPhoto));
                    return api.me();
                },
                saved -> {
                    saving.set(false);
                    problem.set("");
                    onSaved.accept(saved);
                },
                failure -> {
                    saving.set(false);
                    problem.set(problems.describe(failure));
                });
    }

    private static ApiClient.Photo read(Path file) {
        try {
            return new ApiClient.Photo(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
