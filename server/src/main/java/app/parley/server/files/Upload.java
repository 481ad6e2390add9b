package app.parley.server.files;

import java.io.InputStream;

/** An uploaded file as it arrives: the client's file name (untrusted) and the bytes. */
public record Upload(String filename, InputStream content) {}
