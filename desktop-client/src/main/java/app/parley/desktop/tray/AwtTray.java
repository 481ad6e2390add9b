package app.parley.desktop.tray;

import app.parley.desktop.i18n.Messages;
import app.parley.desktop.notifications.Notice;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray icon through {@link SystemTray}. AWT wants its calls on its own thread, so every
 * call is handed to {@link EventQueue#invokeLater}; what the person does there comes back on the
 * FX thread. On a desktop without a tray the icon is never made and every call does nothing.
 */
final class AwtTray implements Tray {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);
    private static final String ICON = "parley-64.png";

    private final Messages text;
    private final Executor fxThread;
    private final LongConsumer open;
    private final Runnable quit;
    /** Touched on AWT's thread only. */
    private TrayIcon icon;
    /** The chat of the last message popped up: a click on the pop-up opens it. Touched on AWT's thread only. */
    private long lastChat;

    private AwtTray(Messages text, Executor fxThread, LongConsumer open, Runnable quit) {
        this.text = text;
        this.fxThread = fxThread;
        this.open = open;
        this.quit = quit;
    }

    static Tray install(Messages text, Executor fxThread, LongConsumer open, Runnable quit) {
        var tray = new AwtTray(text, fxThread, open, quit);
        EventQueue.invokeLater(tray::join);
        return tray;
    }

    @Override
    public void showUnread(long total) {
        String tooltip = total > 0 ? text.get("tray.tooltipWithUnread", total) : text.get("tray.tooltip");
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                icon.setToolTip(tooltip);
            }
        });
    }

    @Override
    public void notify(Notice notice) {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                lastChat = notice.chatId();
                icon.displayMessage(notice.title(), notice.body(), TrayIcon.MessageType.INFO);
            }
        });
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }

    private void join() {
        if (!SystemTray.isSupported()) {
            LOG.debug("This desktop has no system tray");
            return;
        }
        Image image =
                Toolkit.getDefaultToolkit().getImage(Objects.requireNonNull(AwtTray.class.getResource(ICON), ICON));
        var openItem = new MenuItem(text.get("tray.open"));
        openItem.addActionListener(event -> fxThread.execute(() -> open.accept(0)));
        var quitItem = new MenuItem(text.get("tray.quit"));
        quitItem.addActionListener(event -> fxThread.execute(quit));
        var menu = new PopupMenu();
        menu.add(openItem);
        menu.addSeparator();
        menu.add(quitItem);
        var made = new TrayIcon(image, text.get("tray.tooltip"), menu);
        made.setImageAutoSize(true);
        // A double click on the icon, or a click on the pop-up: to the chat of the last pop-up.
        made.addActionListener(event -> {
            long chat = lastChat;
            lastChat = 0;
            fxThread.execute(() -> open.accept(chat));
        });
        try {
            SystemTray.getSystemTray().add(made);
            icon = made;
        } catch (AWTException e) {
            LOG.info("The system tray refused Parley's icon: {}", e.getMessage());
        }
    }
}
