package app.parley.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.parley.model.account.AuthResponse;
import app.parley.model.account.UserRef;
import app.parley.model.chat.ChatRoom;
import app.parley.model.chat.ChatType;
import app.parley.model.common.ErrorBody;
import app.parley.model.common.IdRef;
import app.parley.model.common.IdValue;
import app.parley.model.event.LastMessageEvent;
import app.parley.model.event.ServerEvent;
import app.parley.model.file.Attachment;
import app.parley.model.message.Message;
import app.parley.model.message.ReadPositions;
import app.parley.model.message.ReadState;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record of the model, found by scanning the model's classes (a record added later is
 * covered without being listed), reads back as what was written, and writes the same JSON with
 * or without a global naming strategy: the names are the model's own.
 */
class ModelJsonTest {
    /** The server's settings: ParleyJson's, plus the global snake_case of its application.yml. */
    private static final ObjectMapper SERVER =
            ParleyJson.mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    /** What a program that knows nothing of Parley's settings would use. */
    private static final ObjectMapper PLAIN = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant TIME = Instant.parse("2026-11-21T09:26:30.901Z");
    private static final UserRef ALICE = UserRef.of(1, "Alice", "alice");

    static List<Class<?>> records() throws Exception {
        Path classes = Path.of(ParleyJson.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(classes)) {
            collect(classes, names);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(classes)) {
                collect(jar.getPath("/"), names);
            }
        }
        List<Class<?>> records = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ModelJsonTest.class.getClassLoader());
            if (type.isRecord()) {
                records.add(type);
            }
        }
        return records;
    }

    private static void collect(Path root, Set<String> names) throws Exception {
        Path model = root.resolve("app/parley/model");
        try (Stream<Path> files = Files.walk(model)) {
            String separator = root.getFileSystem().getSeparator();
            files.map(file -> root.relativize(file).toString())
                    .filter(file -> file.endsWith(".class") && !file.endsWith("package-info.class"))
                    .map(file ->
                            file.substring(0, file.length() - ".class".length()).replace(separator, "."))
                    .forEach(names::add);
        }
    }

    /** Each record twice: every field filled, and every reference left null. */
    static Stream<Object> samples() throws Exception {
        List<Object> samples = new ArrayList<>();
        for (Class<?> type : records()) {
            samples.add(new Samples(true).of(type));
            if (!IdValue.class.isAssignableFrom(type)) {
                samples.add(new Samples(false).of(type));
            }
        }
        return samples.stream();
    }

    @Test
    void theScanFindsTheRecordsOfEveryPackageNestedOnesIncluded() throws Exception {
        List<Class<?>> records = records();

        for (Class<?> expected : List.of(
                UserRef.class,
                Message.class,
                ChatRoom.class,
                LastMessageEvent.class,
                Attachment.class,
                ErrorBody.class,
                app.parley.model.chat.GroupCreatedResponse.GroupSummary.class,
                app.parley.model.message.UnreadCounts.ChatUnread.class,
                app.parley.model.invite.InvitePreview.class,
                ReadPositions.Position.class,
                IdRef.Numeric.class)) {
            assertTrue(records.contains(expected), expected + " in " + records);
        }
        assertTrue(records.size() >= 50, records.size() + " records: " + records);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordReadsBackEqualToWhatWasWritten(Object sample) throws Exception {
        Class<?> readAs = IdValue.class.isInstance(sample) ? IdValue.class : sample.getClass();
        for (ObjectMapper mapper : List.of(ParleyJson.mapper(), PLAIN)) {
            String json = mapper.writeValueAsString(sample);

            assertEquals(sample, mapper.readValue(json, readAs), json);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aMapperWithoutANamingStrategyWritesWhatTheServerWrites(Object sample) throws Exception {
        String server = SERVER.writeValueAsString(sample);

        assertEquals(server, ParleyJson.mapper().writeValueAsString(sample));
        assertEquals(server, PLAIN.writeValueAsString(sample));
    }

    @Test
    void everyRecordThatIsAJsonObjectFixesItsNamesItself() throws Exception {
        for (Class<?> type : records()) {
            if (IdValue.class.isAssignableFrom(type)) {
                continue; // written as a bare number or string: no names
            }
            JsonNaming naming = type.getAnnotation(JsonNaming.class);
            assertNotNull(naming, type + " has no @JsonNaming");
            assertEquals(PropertyNamingStrategies.SnakeCaseStrategy.class, naming.value(), type.getName());
        }
    }

    @Test
    void representativeFieldsHaveTheirSnakeCaseNames() throws Exception {
        Message message =
                new Message(7, "m-7", 2, Message.TYPE_MESSAGE, "Привет", ALICE, TIME, "c-1", List.of(), "alice-uuid");
        assertEquals(
                List.of("id", "uuid", "chat_id", "type", "text", "author", "time", "client_msg_id"),
                fieldNames(PLAIN.valueToTree(message)));

        ChatRoom room = new ChatRoom(2, "r-2", "Team", ChatType.GROUP, "group_2", ALICE, message, 3);
        assertEquals(
                List.of("id", "uuid", "name", "type", "room_name", "other_user", "last_message", "unread_count"),
                fieldNames(PLAIN.valueToTree(room)));

        JsonNode auth = PLAIN.valueToTree(AuthResponse.bearer("jwt", 60, null));
        assertEquals(List.of("access_token", "token", "token_type", "expires_in", "user"), fieldNames(auth));

        JsonNode error = PLAIN.valueToTree(ErrorBody.of(400, "invalid_input", "bad", "users.id"));
        assertEquals(List.of("status", "http_status", "code", "message", "field"), fieldNames(error));

        JsonNode read = PLAIN.valueToTree(new ReadState("ok", 2, 7, 0, TIME));
        assertEquals(
                List.of("status", "chat_id", "last_read_message_id", "unread_count", "last_seen"), fieldNames(read));
        assertEquals("2026-11-21T09:26:30.901Z", read.get("last_seen").asText());

        JsonNode positions = PLAIN.valueToTree(new ReadPositions(2, List.of(new ReadPositions.Position(ALICE, 7, 9))));
        assertEquals(List.of("chat_id", "positions"), fieldNames(positions));
        assertEquals(
                List.of("user", "last_read_message_id", "last_delivered_message_id"),
                fieldNames(positions.get("positions").get(0)));
        assertEquals(
                List.of("id", "name", "username"),
                fieldNames(positions.get("positions").get(0).get("user")));
    }

    @Test
    void theAuthorsUuidIsNeverWritten() throws Exception {
        Message withUuid =
                new Message(7, "m-7", 2, Message.TYPE_MESSAGE, "hi", ALICE, TIME, null, List.of(), "alice-uuid");
        Message withoutUuid = new Message(7, "m-7", 2, Message.TYPE_MESSAGE, "hi", ALICE, TIME, null);

        assertEquals(SERVER.writeValueAsString(withoutUuid), SERVER.writeValueAsString(withUuid));
        assertEquals(
                SERVER.writeValueAsString(LastMessageEvent.of(withoutUuid, 1)),
                SERVER.writeValueAsString(LastMessageEvent.of(withUuid, 1)));
        assertFalse(SERVER.writeValueAsString(withUuid).contains("alice-uuid"));
        assertEquals(withUuid, LastMessageEvent.of(withUuid, 1).message());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /**
     * Sample values by type, each number and text distinct so that swapped fields show. A type
     * this does not know fails the test: a record with a new kind of field needs a sample here.
     */
    private static final class Samples {
        private final boolean full;
        private int next;

        Samples(boolean full) {
            this.full = full;
        }

        Object of(Class<?> type) throws Exception {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                values[i] = component.getAccessor().isAnnotationPresent(JsonIgnore.class)
                        ? null // not on the wire, so it cannot come back
                        : value(type, component.getName(), component.getGenericType());
            }
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        }

        private Object value(Class<?> owner, String name, Type type) throws Exception {
            int n = ++next;
            if (type == long.class) {
                return (long) n;
            }
            if (type == int.class) {
                return n;
            }
            if (type == boolean.class) {
                return true;
            }
            if (name.equals("type") && ServerEvent.class.isAssignableFrom(owner)) {
                return eventType(owner); // a frame is read by its type, so it must be a real one
            }
            if (!full) {
                return null;
            }
            if (type == Long.class) {
                return (long) n;
            }
            if (type == Integer.class) {
                return n;
            }
            if (type == Boolean.class) {
                return true;
            }
            if (type == String.class || type == Object.class) {
                return name + "-" + n;
            }
            if (type == Instant.class) {
                return TIME.plusSeconds(n);
            }
            if (type == UUID.class) {
                return new UUID(0, n);
            }
            if (type == IdValue.class || type == IdRef.class) {
                return new IdRef.Numeric(n);
            }
            if (type instanceof Class<?> enumType && enumType.isEnum()) {
                Object[] constants = enumType.getEnumConstants();
                return constants[n % constants.length];
            }
            if (type instanceof Class<?> recordType && recordType.isRecord()) {
                return of(recordType);
            }
            if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                return List.of(value(owner, name, list.getActualTypeArguments()[0]));
            }
            throw new AssertionError("no sample for " + type + " (" + owner.getName() + "." + name + ")");
        }

        private static String eventType(Class<?> event) {
            for (JsonSubTypes.Type subtype :
                    ServerEvent.class.getAnnotation(JsonSubTypes.class).value()) {
                if (subtype.value() == event) {
                    return subtype.names().length > 0 ? subtype.names()[0] : subtype.name();
                }
            }
            throw new AssertionError(event + " is not among ServerEvent's subtypes");
        }
    }
}
