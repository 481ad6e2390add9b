package app.parley.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.parley.server.errors.InvalidInputException;
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdRefTest {

    @Test
    void integersAndNumericStringsAreIntegerIds() {
        assertEquals(new IdRef.Numeric(42), IdRef.parse(42, "id"));
        assertEquals(new IdRef.Numeric(42), IdRef.parse(42L, "id"));
        assertEquals(new IdRef.Numeric(42), IdRef.parse("42", "id"));
    }

    @Test
    void uuidStringsAreUuids() {
        UUID uuid = UUID.randomUUID();

        assertEquals(new IdRef.Uuid(uuid), IdRef.parse(uuid.toString(), "id"));
    }

    @Test
    void aNumberTooLargeForAnIdIsRefusedInsteadOfWrappingRoundToAnotherId() {
        BigInteger wrapsToTwo = BigInteger.TWO.pow(64).add(BigInteger.TWO);

        var refused = assertThrows(InvalidInputException.class, () -> IdRef.parse(wrapsToTwo, "user_id"));

        assertEquals("user_id", refused.field());
    }

    @Test
    void fractionsZeroNegativesAndWordsAreRefused() {
        for (Object bad : new Object[] {2.5, 0, -3, "abc", "", null, "99999999999999999999"}) {
            assertThrows(InvalidInputException.class, () -> IdRef.parse(bad, "id"), String.valueOf(bad));
        }
    }
}
