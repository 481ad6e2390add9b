package app.parley.server.config;

import app.parley.server.common.TextLimits;
import app.parley.server.errors.JsonReadFailures;
import app.parley.server.errors.UnpairedSurrogateException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Text from clients must be Unicode. JSON's escapes can spell half of a UTF-16 surrogate pair
 * ({@code "\ud800"}), which Jackson reads into a lone {@code char}, and the UTF-8 write to SQLite
 * then stores as '?'. Every parser of the application's JSON factory (request bodies, multipart
 * {@code json} parts, socket frames) checks each string value as it is read, so such input is
 * refused as {@code invalid_input} on its field wherever it comes in, before any service sees it.
 */
@Singleton
class WellFormedJsonText implements BeanCreatedEventListener<JsonFactory> {

    @Override
    public JsonFactory onCreated(BeanCreatedEvent<JsonFactory> event) {
        JsonFactory factory = event.getBean();
        return factory instanceof CheckingFactory ? factory : new CheckingFactory(factory);
    }

    /** Jackson's own factory with the same settings, whose parsers check string values. */
    static final class CheckingFactory extends JsonFactory {
        CheckingFactory(JsonFactory settings) {
            super(settings, settings.getCodec());
        }

        @Override
        public JsonFactory copy() {
            return new CheckingFactory(this);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
            return new CheckingParser(super._createParser(in, context));
        }

        @Override
        protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
            return new CheckingParser(super._createParser(reader, context));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
                throws IOException {
            return new CheckingParser(super._createParser(data, offset, length, context, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
            return new CheckingParser(super._createParser(data, offset, length, context));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
            return new CheckingParser(super._createParser(input, context));
        }

        @Override
        public JsonParser createNonBlockingByteArrayParser() throws IOException {
            return new CheckingParser(super.createNonBlockingByteArrayParser());
        }

        @Override
        public JsonParser createNonBlockingByteBufferParser() throws IOException {
            return new CheckingParser(super.createNonBlockingByteBufferParser());
        }
    }

    /**
     * Checks every string value the parser moves to. The other ways of moving on
     * ({@code nextFieldName}, {@code nextTextValue}, …) go through {@link #nextToken()}.
     */
    static final class CheckingParser extends JsonParserDelegate {
        CheckingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(super.nextValue());
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_STRING && TextLimits.hasUnpairedSurrogate(getText())) {
                String field = JsonReadFailures.path(getParsingContext());
                // A field name may be just as broken; it is never echoed back.
                throw new UnpairedSurrogateException(
                        this, field.isEmpty() || TextLimits.hasUnpairedSurrogate(field) ? null : field);
            }
            return token;
        }
    }
}
