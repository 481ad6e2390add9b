package app.parley.desktop.newchat;

import app.parley.desktop.i18n.Messages;
import app.parley.model.account.UserProfile;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;

/**
 * What an empty list of people says. "Nobody found." before anything was typed told someone alone
 * on a new server that the search was broken; the list now tells apart a search still running,
 * a server with nobody else on it, a name that matches nobody, and people found who are all in
 * the group already.
 */
public final class NobodyListed {
    private NobodyListed() {}

    /** A placeholder for a list showing {@code shown}, a part (or all) of {@code search}'s results. */
    public static Label placeholder(UserSearchViewModel search, ObservableList<UserProfile> shown, Messages text) {
        var label = new Label();
        label.setId("nobodyListed");
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setPadding(new Insets(16));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> describe(search.answeredProperty().get(), search.results(), shown, text),
                        search.answeredProperty(),
                        search.results(),
                        shown));
        return label;
    }

    private static String describe(
            String answered, ObservableList<UserProfile> found, ObservableList<UserProfile> shown, Messages text) {
        if (!shown.isEmpty()) {
            return ""; // not on screen: the list shows people
        }
        if (answered == null) {
            return text.get("newchat.searching");
        }
        if (!found.isEmpty() && shown.isEmpty()) {
            return text.get("newchat.allMembers");
        }
        return answered.isEmpty() ? text.get("newchat.alone") : text.get("newchat.none", answered);
    }
}
