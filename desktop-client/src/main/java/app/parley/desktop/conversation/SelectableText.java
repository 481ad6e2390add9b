package app.parley.desktop.conversation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A message's text flow (plain runs and links) whose text can be selected with the mouse: a drag
 * selects across the runs, a double click selects a word. The selection is drawn behind the text
 * from the flow's own layout ({@link TextFlow#getRangeShape}) and kept in the conversation's
 * {@link TextSelection}, so it survives the cell being reused. A press on a link is the link's.
 *
 * <p>Characters are counted as the flow lays them out: a plain run by its text, a link (a node
 * inside the flow) as one.
 */
final class SelectableText extends StackPane {
    private final TextFlow flow = new TextFlow();
    private final Path highlight = new Path();
    private final TextSelection selection;
    private final List<Piece> pieces = new ArrayList<>();
    private String laidOut = "";
    private String messageKey = "";
    private String shownText;
    private int anchor = -1;

    /** A run as laid out: where it starts in the flow, its length there, and the text it stands for. */
    private record Piece(int at, int length, String text) {}

    SelectableText(TextSelection selection) {
        this.selection = selection;
        setAlignment(Pos.TOP_LEFT);
        highlight.getStyleClass().add("text-selection");
        highlight.setManaged(false);
        highlight.setMouseTransparent(true);
        getChildren().addAll(highlight, flow);
        flow.setCursor(Cursor.TEXT);
        flow.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        flow.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        selection.rangeProperty().subscribe(this::drawSelection);
        // A new width wraps the lines anew: the selection's shape follows.
        flow.layoutBoundsProperty().subscribe(bounds -> drawSelection());
    }

    TextFlow flow() {
        return flow;
    }

    /**
     * Whether this message's text is what is shown: the list lays its cells out anew now and
     * then (a press selects the row), and new runs then would end a drag that has just begun.
     */
    boolean shows(String messageKey, String text) {
        return this.messageKey.equals(messageKey) && text.equals(shownText);
    }

    /** Shows a message's text as runs; {@code messageKey} names the message, for its selection. */
    void show(String messageKey, String text, List<Node> runs) {
        if (!this.messageKey.equals(messageKey)) {
            anchor = -1;
        }
        this.messageKey = messageKey;
        this.shownText = text;
        pieces.clear();
        var flowText = new StringBuilder();
        for (Node run : runs) {
            String stands =
                    run instanceof Text plain ? plain.getText() : run instanceof Hyperlink link ? link.getText() : "";
            int length = run instanceof Text plain ? plain.getText().length() : 1;
            pieces.add(new Piece(flowText.length(), length, stands));
            flowText.append(run instanceof Text plain ? plain.getText() : "\uFFFC");
        }
        laidOut = flowText.toString();
        flow.getChildren().setAll(runs);
        drawSelection();
    }

    private void pressed(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || onLink(event)) {
            anchor = -1;
            return;
        }
        int at = indexAt(event);
        if (event.getClickCount() == 2) {
            selectWordAt(at);
            anchor = -1;
        } else {
            anchor = at;
            selection.clear();
        }
    }

    private void dragged(MouseEvent event) {
        if (anchor < 0 || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int at = indexAt(event);
        select(Math.min(anchor, at), Math.max(anchor, at));
    }

    private void selectWordAt(int at) {
        if (laidOut.isEmpty()) {
            return;
        }
        BreakIterator words = BreakIterator.getWordInstance();
        words.setText(laidOut);
        int inside = Math.min(at, laidOut.length() - 1);
        int end = words.following(inside);
        int start = words.previous();
        select(start, end == BreakIterator.DONE ? laidOut.length() : end);
    }

    private void select(int start, int end) {
        selection.select(messageKey, start, end, textBetween(start, end));
    }

    /** The text a range of the flow stands for: plain runs by their characters, a link whole. */
    private String textBetween(int start, int end) {
        var text = new StringBuilder();
        for (Piece piece : pieces) {
            int from = Math.max(start, piece.at());
            int to = Math.min(end, piece.at() + piece.length());
            if (from >= to) {
                continue;
            }
            boolean link = piece.length() != piece.text().length();
            text.append(link ? piece.text() : piece.text().substring(from - piece.at(), to - piece.at()));
        }
        return text.toString();
    }

    private int indexAt(MouseEvent event) {
        Point2D local = flow.sceneToLocal(event.getSceneX(), event.getSceneY());
        return Math.clamp(flow.getHitInfo(local).getInsertionIndex(), 0, laidOut.length());
    }

    private boolean onLink(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode();
                node != null && node != flow;
                node = node.getParent()) {
            if (node instanceof Hyperlink) {
                return true;
            }
        }
        return false;
    }

    private void drawSelection() {
        TextSelection.Range range = selection.rangeProperty().get();
        if (range == null || !range.messageKey().equals(messageKey) || range.end() > laidOut.length()) {
            highlight.getElements().clear();
            return;
        }
        highlight.getElements().setAll(flow.getRangeShape(range.start(), range.end(), false));
    }
}
