package app.parley.server.messages;

import app.parley.model.message.Message;
import app.parley.server.files.StoredFile;

/** A file uploaded into a chat and the message that carries it there. */
public record PostedFile(StoredFile file, Message message) {}
