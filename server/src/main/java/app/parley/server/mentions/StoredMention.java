package app.parley.server.mentions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A member a message mentions. */
@MappedEntity("message_mentions")
public record StoredMention(@Id @GeneratedValue @Nullable Long id, long messageId, long chatId, long userId) {}
