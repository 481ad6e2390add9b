package app.parley.desktop.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: the JDK's HTTP client has no
 * multipart publisher, and the parts the app sends (a profile's JSON and a photo of at most a
 * few MB) are small enough to hold.
 */
final class MultipartForm {
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary = "parley-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    MultipartForm text(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n");
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(CRLF);
        return this;
    }

    MultipartForm file(String name, String fileName, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + quoted(fileName) + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n");
        body.writeBytes(content);
        body.writeBytes(CRLF);
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        var all = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private void head(String headers) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 7578 §4.2: a quote or line break in a file name would end the header early. */
    private static String quoted(String fileName) {
        return fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
