package app.parley.server.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Time comes from an injected clock so that rules about time can be tested. It ticks in
 * milliseconds, the precision SQLite keeps, so a time in a response is the same one a later
 * read of the stored row shows.
 */
@Factory
class ClockFactory {
    @Singleton
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
