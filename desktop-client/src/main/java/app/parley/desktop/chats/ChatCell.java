package app.parley.desktop.chats;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.presence.PresenceBook;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.message.Message;
import app.parley.model.presence.PresenceStatus;
import app.parley.model.presence.UserPresence;
import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One chat in the list: avatar, name (with a muted mark), the last message's first line and time,
 * the unread and mention badges, and for a private chat the other person's presence on the
 * avatar; its menu mutes or unmutes the chat.
 */
final class ChatCell extends ListCell<ChatRoom> {
    private final Messages text;
    private final MessagePreview previews;
    private final FontIcon paperclip = new FontIcon(Feather.PAPERCLIP);
    private final Clock clock;
    private final AvatarPhotos photos;
    private final java.util.Set<Long> unsentChats;
    private final FontIcon unsent = new FontIcon(Feather.CLOCK);
    private final Avatar avatar = new Avatar(40);
    private final Label name = new Label();
    private final Label time = new Label();
    private final Label preview = new Label();
    private final Label badge = new Label();
    /** "@" beside the unread badge while unread messages mention the reader. */
    private final Label mentionBadge = new Label("@");

    private final FontIcon mutedMark = new FontIcon(Feather.BELL_OFF);
    private final ChatListViewModel chats;
    private final ContextMenu menu = new ContextMenu();
    private final Menu mute;
    private final MenuItem unmute;

    private final HBox content;
    private final PresenceBook presence;
    /** Kept while the cell lives: the book holds it weakly, so cells the list drops are not kept. */
    private final MapChangeListener<Long, UserPresence> presenceChanged = change -> {
        if (change.getKey() == this.personShown) {
            showPresence();
        }
    };
    /** The other person of the private chat shown, 0 for a group. */
    private long personShown;

    ChatCell(Messages text, Clock clock, ChatListViewModel chats, PresenceBook presence) {
        this.text = text;
        this.chats = chats;
        this.presence = presence;
        presence.known().addListener(new WeakMapChangeListener<>(presenceChanged));
        this.mute = muteMenu();
        this.unmute = unmuteItem();
        AvatarPhotos photos = chats.photos();
        java.util.Set<Long> unsentChats = chats.unsentChats();
        this.previews = new MessagePreview(text);
        this.clock = clock;
        this.photos = photos;
        this.unsentChats = unsentChats;
        unsent.getStyleClass().add("unsent-mark");
        Tooltip.install(unsent, new Tooltip(text.get("chats.unsent")));
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "chat-name");
        FullNameTooltip.install(name);
        name.setMinWidth(0);
        time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "chat-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        preview.getStyleClass().addAll(Styles.TEXT_MUTED, "chat-preview");
        preview.setMinWidth(0);
        badge.getStyleClass().add("unread-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        mentionBadge.getStyleClass().add("mention-badge");
        mentionBadge.setMinWidth(Region.USE_PREF_SIZE);

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        mutedMark.getStyleClass().add("muted-mark");
        var top = new HBox(6, name, mutedMark, spacer, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        var bottomSpacer = new Region();
        HBox.setHgrow(bottomSpacer, Priority.ALWAYS);
        var bottom = new HBox(6, preview, bottomSpacer, unsent, mentionBadge, badge);
        bottom.setAlignment(Pos.CENTER_LEFT);
        var lines = new VBox(2, top, bottom);
        HBox.setHgrow(lines, Priority.ALWAYS);
        lines.setMinWidth(0);
        content = new HBox(10, avatar, lines);
        content.setAlignment(Pos.CENTER_LEFT);
        content.getStyleClass().add("chat-cell");
        setText(null);
        // The cell takes the list's width, never its text's: a long unbroken preview is cut off
        // with an ellipsis instead of widening every row and pushing the time and badge out.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ChatRoom chat, boolean empty) {
        super.updateItem(chat, empty);
        if (empty || chat == null) {
            personShown = 0;
            setGraphic(null);
            setAccessibleText(null);
            setContextMenu(null);
            return;
        }
        avatar.show(AvatarPhotos.colourOf(chat), chat.name(), AvatarPhotos.of(chat), photos);
        personShown = chat.type() == ChatType.PRIVATE && chat.otherUser() != null ? UserIds.idOf(chat.otherUser()) : 0;
        PresenceStatus status = showPresence();
        name.setText(chat.name());
        Message last = chat.lastMessage();
        MessagePreview.Line line = last == null
                ? new MessagePreview.Line(text.get("chats.noMessages"), false)
                : previews.of(last.text(), last.attachments());
        preview.setText(line.text());
        preview.setGraphic(line.files() ? paperclip : null);
        time.setText(last == null ? "" : timeOf(last));
        badge.setText(chat.unreadCount() > 99 ? "99+" : Long.toString(chat.unreadCount()));
        badge.setVisible(chat.unreadCount() > 0);
        boolean muted = chats.chatMuted(chat);
        mutedMark.setVisible(muted);
        mutedMark.setManaged(muted);
        badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("muted"), muted);
        boolean mentioned = chat.mentionCount() > 0;
        mentionBadge.setVisible(mentioned);
        mentionBadge.setManaged(mentioned);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unread"), chat.unreadCount() > 0);
        boolean waiting = unsentChats.contains(chat.id());
        unsent.setVisible(waiting);
        unsent.setManaged(waiting);
        String name = chat.unreadCount() > 0
                ? text.get("chats.accessible.unread", chat.name(), chat.unreadCount())
                : chat.name();
        if (mentioned) {
            name = text.get("chats.accessible.mentioned", name, chat.mentionCount());
        }
        if (muted) {
            name = text.get("chats.accessible.muted", name);
        }
        if (status == PresenceStatus.ONLINE || status == PresenceStatus.AWAY) {
            name = text.get("chats.accessible.presence", name, text.get("presence." + status.wireName()));
        }
        setAccessibleText(waiting ? text.get("chats.accessible.unsent", name) : name);
        menu.getItems().setAll(muted ? unmute : mute);
        setContextMenu(menu);
        setGraphic(content);
    }

    /** The dot on the avatar of a private chat's other person; their status, or null when unknown or a group. */
    private PresenceStatus showPresence() {
        UserPresence known = personShown == 0 ? null : presence.of(personShown);
        PresenceStatus status = known == null ? null : known.status();
        avatar.showPresence(status);
        return status;
    }

    /**
     * "Mute" with how long: an hour, eight hours, a day, a week, or until unmuted. Made once per
     * cell, like the menu: each item acts on the chat the cell shows when it is chosen.
     */
    private Menu muteMenu() {
        var menu = new Menu(text.get("chats.mute"), new FontIcon(Feather.BELL_OFF));
        menu.setId("muteMenu");
        for (var choice : List.of(
                Map.entry("chats.mute.hour", Duration.ofHours(1)),
                Map.entry("chats.mute.eightHours", Duration.ofHours(8)),
                Map.entry("chats.mute.day", Duration.ofDays(1)),
                Map.entry("chats.mute.week", Duration.ofDays(7)))) {
            var item = new MenuItem(text.get(choice.getKey()));
            item.setOnAction(event -> chats.mute(getItem().id(), choice.getValue()));
            menu.getItems().add(item);
        }
        var always = new MenuItem(text.get("chats.mute.untilUnmuted"));
        always.setOnAction(event -> chats.mute(getItem().id(), null));
        menu.getItems().add(always);
        return menu;
    }

    private MenuItem unmuteItem() {
        var item = new MenuItem(text.get("chats.unmute"), new FontIcon(Feather.BELL));
        item.setId("unmuteItem");
        item.setOnAction(event -> chats.unmute(getItem().id()));
        return item;
    }

    /** Today: the time; this week: the weekday; before: the date — as chat apps show it. */
    private String timeOf(Message last) {
        ZoneId zone = clock.getZone();
        ZonedDateTime when = last.time().atZone(zone);
        LocalDate today = LocalDate.now(clock);
        var locale = text.locale();
        if (when.toLocalDate().equals(today)) {
            return when.format(
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        }
        if (when.toLocalDate().isAfter(today.minusDays(7))) {
            return when.format(DateTimeFormatter.ofPattern("EEE", locale));
        }
        return when.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale));
    }
}
