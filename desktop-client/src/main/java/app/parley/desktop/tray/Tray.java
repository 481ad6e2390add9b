package app.parley.desktop.tray;

import app.parley.desktop.notifications.Notice;

/**
 * The app's place in the system tray, where the platform has one: its tooltip says how many
 * messages are unread, a new message pops up there while the window is not focused, and a click
 * brings the window to the front on that chat. Where there is no tray, nothing happens at all.
 * Called on the FX thread.
 */
public interface Tray extends AutoCloseable {

    /** The unread total for the tooltip (0 when nobody is signed in). */
    void showUnread(long total);

    /** Pops up a new message. */
    void notify(Notice notice);

    /** Leaves the tray (the app is stopping). */
    @Override
    void close();

    /** No tray: headless, or a desktop without one. */
    static Tray none() {
        return NoTray.INSTANCE;
    }
}
