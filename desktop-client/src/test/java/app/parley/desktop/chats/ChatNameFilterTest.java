package app.parley.desktop.chats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatNameFilterTest {
    @Test
    void caseYoAndAccentsAsidePeopleFindTheirChats() {
        assertTrue(new ChatNameFilter("елка").matches("Ёлка Чебурашкина"));
        assertTrue(new ChatNameFilter("ЁЛКА").matches("Ёлка Чебурашкина"));
        assertTrue(new ChatNameFilter(" zoe ").matches("Zoë Laurent"));
        assertTrue(new ChatNameFilter("").matches("anything"));
        assertTrue(new ChatNameFilter("май").matches("Майские планы"));
    }

    @Test
    void ayIsALetterOfItsOwnAndOtherNamesDoNotMatch() {
        assertFalse(new ChatNameFilter("маи").matches("Майские планы"), "й is not и");
        assertFalse(new ChatNameFilter("boris").matches("Anna"));
        assertFalse(new ChatNameFilter("a").matches(null));
    }
}
