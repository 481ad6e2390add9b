package app.parley.server.files;

/** Bytes already in the content store, waiting for the row that will refer to them. */
public record PreparedFile(String sha256, long size, String contentType, String name, int width, int height) {}
