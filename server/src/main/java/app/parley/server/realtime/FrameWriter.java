package app.parley.server.realtime;

import app.parley.model.event.ServerEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serializes a frame meant for one socket (history, replies, errors) with the API's JSON settings. */
@Singleton
class FrameWriter {
    private final JsonMapper json;

    FrameWriter(JsonMapper json) {
        this.json = json;
    }

    byte[] utf8(ServerEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a " + event.type() + " frame", e);
        }
    }
}
