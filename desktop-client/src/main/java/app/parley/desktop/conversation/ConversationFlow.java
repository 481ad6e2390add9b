package app.parley.desktop.conversation;

import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The conversation's virtual flow: when older messages are added above the ones in view, it keeps
 * the reader where they were in the same layout pass that takes the new messages in, and draws
 * none of the messages in view again.
 *
 * <p>A plain {@link VirtualFlow} keeps the same <em>index</em> at the top when items are added
 * above, so its next layout fills every visible cell with messages from the new page, and a scroll
 * back to the reader's message one pulse later fills them all again: two layouts of every visible
 * message, and one frame showing the wrong ones. Here the visible cells move to their messages' new
 * indices before the list's cells hear of the change, so each keeps the message it shows (see
 * {@link MessageCell}), and the flow is placed at the reader's message before it lays out.
 *
 * <p>Placing it makes the flow measure the cells around the reader's message, and every layout
 * makes it measure a few more; for messages not in view it would draw each in a hidden cell. Those
 * it has not drawn count as the typical height of the messages in view instead (while it is being
 * placed, even those next to the reader's): an estimate, as the flow's own is for every message it
 * has not measured, corrected when the message comes into view.
 */
final class ConversationFlow extends VirtualFlow<ListCell<MessageItem>> {
    /** Stands for a message not yet drawn, at the estimated height, while the flow is placed. */
    private final ListCell<MessageItem> estimate = new ListCell<>();

    private int addedAbove;
    private int countAfterAdding = -1;
    private double typicalHeight = -1;

    /** A skin for the conversation's list that lays it out with a {@link ConversationFlow}. */
    static final class Skin extends ListViewSkin<MessageItem> {
        Skin(ListView<MessageItem> list) {
            super(list);
        }

        @Override
        protected VirtualFlow<ListCell<MessageItem>> createVirtualFlow() {
            return new ConversationFlow();
        }

        ConversationFlow flow() {
            return (ConversationFlow) getVirtualFlow();
        }
    }

    /**
     * Told of every change to the list as soon as it happens, before the list's cells and before
     * the next layout: {@code above} items were inserted at the top (0 if none), and the list now
     * holds {@code size}.
     */
    void itemsChanged(int above, int size) {
        if (above > 0) {
            List<ListCell<MessageItem>> inView = List.copyOf(getCells());
            if (inView.isEmpty()) {
                return;
            }
            typicalHeight = typicalInView();
            for (ListCell<MessageItem> cell : inView) {
                if (cell.getIndex() >= 0) {
                    // Not setCellIndex: it restyles a cell that wants a layout at once, and the
                    // coming layout pass lays them all out anyway.
                    cell.updateIndex(cell.getIndex() + above);
                }
            }
            addedAbove += above;
        }
        if (addedAbove > 0) {
            countAfterAdding = size;
        }
    }

    /**
     * A cell for measuring the message at {@code index}: the one showing it, or, for a message away
     * from the ones in view, a stand-in at their typical height. The flow asks for a few such
     * messages at every layout to improve its estimate of the list's length, and drawing each in a
     * hidden cell (with its styles) cost more than the layout itself. Messages next to the ones in
     * view are drawn and measured: scrolling by pixels places them from their true height.
     */
    @Override
    public ListCell<MessageItem> getCell(int index) {
        ListCell<MessageItem> inView = getVisibleCell(index);
        if (inView != null) {
            return inView;
        }
        double typical = typicalHeight > 0 ? typicalHeight : nextToView(index) ? -1 : typicalInView();
        if (typical <= 0) {
            return super.getCell(index);
        }
        estimate.resize(getWidth(), typical);
        return estimate;
    }

    private boolean nextToView(int index) {
        ListCell<MessageItem> first = getFirstVisibleCell();
        ListCell<MessageItem> last = getLastVisibleCell();
        return first == null || last == null || index >= first.getIndex() - 1 && index <= last.getIndex() + 1;
    }

    private double typicalInView() {
        return getCells().stream()
                .filter(cell -> cell.getIndex() >= 0 && !cell.isEmpty())
                .mapToDouble(cell -> cell.getLayoutBounds().getHeight())
                .filter(height -> height > 0)
                .average()
                .orElse(-1);
    }

    @Override
    protected void layoutChildren() {
        if (addedAbove == 0 || getCellCount() != countAfterAdding) {
            // Nothing added above, or not yet told of it by the skin: as usual.
            super.layoutChildren();
            return;
        }
        addedAbove = 0;
        ListCell<MessageItem> top = getFirstVisibleCell();
        if (top == null || top.getIndex() < 0) {
            typicalHeight = -1;
            super.layoutChildren();
            return;
        }
        int reading = top.getIndex();
        double y = top.getLayoutY();
        scrollToTop(reading);
        try {
            super.layoutChildren();
            // Near the end of the list a scroll by pixels measures the rest of it, and the flow's
            // estimates move under the scroll; a second one, with the sizes known, is exact.
            for (int attempt = 0; attempt < 3; attempt++) {
                ListCell<MessageItem> cell = getVisibleCell(reading);
                double off = cell == null ? 0 : cell.getLayoutY() - y;
                if (Math.abs(off) < 0.5 || scrollPixels(off) == 0) {
                    return;
                }
            }
        } finally {
            typicalHeight = -1;
        }
    }
}
