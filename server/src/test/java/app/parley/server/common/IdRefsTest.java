package app.parley.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.model.common.IdRef;
import app.parley.server.errors.InvalidInputException;
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdRefsTest {

    @Test
    void integersAndNumericStringsAreIntegerIds() {
        assertEquals(new IdRef.Numeric(42), IdRefs.parse(42, "id"));
        assertEquals(new IdRef.Numeric(42), IdRefs.parse(42L, "id"));
        assertEquals(new IdRef.Numeric(42), IdRefs.parse("42", "id"));
    }

    @Test
    void uuidStringsAreUuids() {
        UUID uuid = UUID.randomUUID();

        assertEquals(new IdRef.Uuid(uuid), IdRefs.parse(uuid.toString(), "id"));
    }

    @Test
    void aNumberTooLargeForAnIdIsRefusedInsteadOfWrappingRoundToAnotherId() {
        BigInteger wrapsToTwo = BigInteger.TWO.pow(64).add(BigInteger.TWO);

        var refused = assertThrows(InvalidInputException.class, () -> IdRefs.parse(wrapsToTwo, "user_id"));

        assertEquals("user_id", refused.field());
    }

    @Test
    void fractionsZeroNegativesAndWordsAreRefused() {
        for (Object bad : new Object[] {2.5, 0, -3, "abc", "", null, "99999999999999999999"}) {
            assertThrows(InvalidInputException.class, () -> IdRefs.parse(bad, "id"), String.valueOf(bad));
        }
    }
}
