package app.parley.server.events;

import app.parley.model.event.ServerEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes WebSocket frames with the API's JSON settings: for the bus and for replies to one socket alike. */
@Singleton
public class EventJson {
    private final JsonMapper json;

    EventJson(JsonMapper json) {
        this.json = json;
    }

    public byte[] utf8(ServerEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a " + event.type() + " frame", e);
        }
    }
}
