package app.parley.desktop.tray;

import app.parley.desktop.notifications.Notice;

/** Where the platform has no tray: every call does nothing. */
enum NoTray implements Tray {
    INSTANCE;

    @Override
    public void showUnread(long total) {}

    @Override
    public void notify(Notice notice) {}

    @Override
    public void close() {}
}
