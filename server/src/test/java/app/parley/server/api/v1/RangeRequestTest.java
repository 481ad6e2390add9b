package app.parley.server.api.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a {@code Range} header asks of a file of a given size (RFC 9110, section 14). */
class RangeRequestTest {
    private static final long SIZE = 1000;

    private static RangeRequest of(String header) {
        return RangeRequest.of(header, SIZE);
    }

    @Test
    void aClosedRangeIsThoseBytesBothEndsIncluded() {
        RangeRequest.Part part = (RangeRequest.Part) of("bytes=100-199");

        assertEquals(new RangeRequest.Part(100, 199), part);
        assertEquals(100, part.length());
        assertEquals(new RangeRequest.Part(0, 0), of("bytes=0-0"));
        assertEquals(1, new RangeRequest.Part(0, 0).length());
        assertEquals(new RangeRequest.Part(999, 999), of("bytes=999-999"));
    }

    @Test
    void anOpenEndedRangeRunsToTheLastByte() {
        assertEquals(new RangeRequest.Part(900, 999), of("bytes=900-"));
        assertEquals(new RangeRequest.Part(0, 999), of("bytes=0-"));
    }

    @Test
    void aLastByteBeyondTheEndIsCutToTheEnd() {
        assertEquals(new RangeRequest.Part(990, 999), of("bytes=990-5000"));
        assertEquals(new RangeRequest.Part(0, 999), of("bytes=0-999999999999999999"));
    }

    @Test
    void numbersBeyondTheRangeOfALongAreFarPastTheEndNotMalformed() {
        assertEquals(new RangeRequest.Part(990, 999), of("bytes=990-99999999999999999999"));
        assertEquals(new RangeRequest.Part(990, 999), of("bytes=990-9223372036854775808"));
        assertEquals(new RangeRequest.Part(0, 999), of("bytes=-99999999999999999999"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=1234567890123456789-"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=99999999999999999999-"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=99999999999999999999-999999999999999999999"));
    }

    @Test
    void aSuffixRangeIsTheLastBytesAndALongerSuffixIsTheWholeFile() {
        assertEquals(new RangeRequest.Part(500, 999), of("bytes=-500"));
        assertEquals(new RangeRequest.Part(999, 999), of("bytes=-1"));
        assertEquals(new RangeRequest.Part(0, 999), of("bytes=-1000"));
        assertEquals(new RangeRequest.Part(0, 999), of("bytes=-5000"));
    }

    @Test
    void aRangeStartingAtOrPastTheEndCannotBeSatisfied() {
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=1000-"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=1000-1005"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=5000-6000"));
    }

    @Test
    void anEmptySuffixCannotBeSatisfied() {
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=-0"));
    }

    @Test
    void anEmptyFileSatisfiesNoRange() {
        assertEquals(new RangeRequest.Unsatisfiable(), RangeRequest.of("bytes=0-", 0));
        assertEquals(new RangeRequest.Unsatisfiable(), RangeRequest.of("bytes=-10", 0));
        assertEquals(new RangeRequest.Whole(), RangeRequest.of(null, 0));
    }

    @Test
    void theUnitIsReadIgnoringCaseAndSpacesAroundNumbersAreAllowed() {
        assertEquals(new RangeRequest.Part(10, 19), of("BYTES=10-19"));
        assertEquals(new RangeRequest.Part(10, 19), of("Bytes= 10 - 19 "));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "bytes=",
                "bytes=-",
                "bytes=abc",
                "bytes=1.5-3",
                "bytes=0-9,20-29",
                "bytes=0-9, -5",
                "bytes=0-9,",
                "items=0-9",
                "0-9",
                "bytes 0-9",
                "bytes=20-10",
                "bytes=--5",
                "bytes=5--",
                "bytes=99999999999999999999-10"
            })
    void noRangeSeveralRangesOrAMalformedOneMeanTheWholeFile(String header) {
        assertEquals(new RangeRequest.Whole(), of(header));
    }
}
