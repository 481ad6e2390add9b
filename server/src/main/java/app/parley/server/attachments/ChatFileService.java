package app.parley.server.attachments;

import app.parley.model.common.IdRef;
import app.parley.model.common.IdValue;
import app.parley.model.file.Attachment;
import app.parley.model.file.StorageUsage;
import app.parley.server.chats.ChatService;
import app.parley.server.common.ByReference;
import app.parley.server.common.IdRefs;
import app.parley.server.common.WriteLocks;
import app.parley.server.errors.InvalidInputException;
import app.parley.server.errors.NotFoundException;
import app.parley.server.errors.PayloadTooLargeException;
import app.parley.server.files.ContentSniffer;
import app.parley.server.files.ContentStore;
import app.parley.server.files.FileService;
import app.parley.server.files.FileSettings;
import app.parley.server.files.ImageTool;
import app.parley.server.files.Sizes;
import app.parley.server.files.StagedContent;
import app.parley.server.files.StoredFile;
import app.parley.server.files.StoredFileRepository;
import app.parley.server.files.Upload;
import app.parley.server.ratelimits.RateLimits;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Files members upload into chats: limits and quota, content type from the bytes, thumbnails of
 * images, and who may read them (the chat's members). The bytes stream to disk before the
 * database is touched; the short write transaction at the end only adds the rows.
 */
@Singleton
public class ChatFileService {
    /** Room for the multipart boundaries and part headers around the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final ChatService chats;
    private final ContentStore content;
    private final ContentSniffer sniffer;
    private final ImageTool images;
    private final StoredFileRepository files;
    private final AttachmentRepository attachments;
    private final FileService storage;
    private final ByReference<StoredFile> byReference;
    private final FileSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    private final RateLimits rateLimits;
    private final WriteLocks writeLocks;

    public ChatFileService(
            ChatService chats,
            ContentStore content,
            ContentSniffer sniffer,
            ImageTool images,
            StoredFileRepository files,
            AttachmentRepository attachments,
            FileService storage,
            FileSettings settings,
            TransactionOperations<Connection> transactions,
            Clock clock,
            RateLimits rateLimits,
            WriteLocks writeLocks) {
        this.writeLocks = writeLocks;
        this.rateLimits = rateLimits;
        this.chats = chats;
        this.content = content;
        this.sniffer = sniffer;
        this.images = images;
        this.files = files;
        this.attachments = attachments;
        this.storage = storage;
        this.byReference = new ByReference<>("file", files::findById, files::findByUuid);
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores a member's upload into a chat. {@code declaredSize} (the request's length, when the
     * client gave one) refuses an oversized upload before any byte is read.
     */
    public StoredFile upload(long callerId, long chatId, Upload upload, OptionalLong declaredSize) {
        return upload(callerId, chatId, upload, declaredSize, Function.identity());
    }

    /**
     * The same, then {@code andThen} with the stored file inside the transaction that adds its
     * rows: when {@code andThen} fails, the file is not kept either.
     */
    public <T> T upload(
            long callerId,
            long chatId,
            Upload upload,
            OptionalLong declaredSize,
            Function<StoredFile, ? extends T> andThen) {
        chats.requireMember(chatId, callerId);
        if (upload == null) {
            throw new InvalidInputException("file", "a multipart part named 'file' is required");
        }
        long max = settings.maxFileSize();
        if (declaredSize.isPresent() && declaredSize.getAsLong() > max + MULTIPART_OVERHEAD) {
            throw tooLarge(max);
        }
        requireQuota(callerId, 0);
        rateLimits.upload(callerId);
        try (StagedContent staged = content.stage(upload.content(), max, ChatFileService::tooLarge)) {
            rateLimits.uploaded(callerId, staged.size());
            String name = FileService.safeName(upload.filename());
            String contentType = sniffer.contentType(staged.path(), name);
            Optional<ImageTool.ImageInfo> image =
                    ContentSniffer.isInlineImage(contentType) ? images.inspect(staged.path()) : Optional.empty();
            ImageTool.Scaled thumbnail = image.filter(images::decodable)
                    .map(info -> thumbnailOf(staged, info))
                    .orElse(null);
            return transactions.executeWrite(status -> {
                chats.requireMember(chatId, callerId);
                requireQuota(callerId, staged.size());
                // Placing the bytes is a rename; inside the transaction it cannot race a failed insert,
                // and a rollback (of these rows or of andThen's) takes bytes no other row needs away again.
                storage.keepInTransaction(staged);
                Instant now = clock.instant();
                Long thumbnailId = thumbnail == null
                        ? null
                        : files.save(new StoredFile(
                                        null,
                                        UUID.randomUUID().toString(),
                                        storage.storeInTransaction(thumbnail.bytes()),
                                        thumbnail.bytes().length,
                                        thumbnail.contentType(),
                                        thumbnailName(name, thumbnail.contentType()),
                                        callerId,
                                        now,
                                        StoredFile.THUMBNAIL,
                                        chatId,
                                        thumbnail.width(),
                                        thumbnail.height(),
                                        null))
                                .id();
                StoredFile stored = files.save(new StoredFile(
                        null,
                        UUID.randomUUID().toString(),
                        staged.sha256(),
                        staged.size(),
                        contentType,
                        name,
                        callerId,
                        now,
                        StoredFile.ATTACHMENT,
                        chatId,
                        image.map(ImageTool.ImageInfo::width).orElse(null),
                        image.map(ImageTool.ImageInfo::height).orElse(null),
                        thumbnailId));
                return andThen.apply(stored);
            });
        }
    }

    /** A file uploaded into a chat, if the caller is a member of that chat. Photos are served elsewhere. */
    public StoredFile requireReadable(long callerId, IdRef reference) {
        StoredFile file = byReference
                .find(reference)
                .filter(found -> found.chatId() != null && !StoredFile.PHOTO.equals(found.kind()))
                .orElseThrow(() -> byReference.notFound(reference.display()));
        chats.requireMember(file.chatId(), callerId);
        return file;
    }

    /** The thumbnail of an image attachment the caller may read. */
    public StoredFile requireThumbnail(long callerId, IdRef reference) {
        StoredFile file = requireReadable(callerId, reference);
        if (file.thumbnailFileId() == null) {
            throw new NotFoundException("thumbnail_not_found", "file " + reference.display() + " has no thumbnail");
        }
        return files.findById(file.thumbnailFileId()).orElseThrow(() -> FileService.notFound(reference.display()));
    }

    public StorageUsage usage(long callerId) {
        return new StorageUsage(files.usedBytes(callerId), settings.userQuota(), settings.maxFileSize());
    }

    /**
     * The files a new message will carry: the sender's own uploads into this chat, not yet on
     * another message. Runs inside the message's transaction.
     */
    public List<StoredFile> attachable(long callerId, long chatId, List<IdValue> references) {
        if (references == null || references.isEmpty()) {
            return List.of();
        }
        if (references.size() > settings.maxAttachmentsPerMessage()) {
            throw new InvalidInputException(
                    "attachments", "a message carries at most " + settings.maxAttachmentsPerMessage() + " attachments");
        }
        List<StoredFile> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (IdValue value : references) {
            IdRef reference = IdRefs.require(value, "attachments");
            StoredFile file = byReference
                    .find(reference)
                    .filter(StoredFile::isAttachment)
                    .filter(candidate -> candidate.chatId() != null && candidate.chatId() == chatId)
                    .filter(candidate -> candidate.uploaderId() != null && candidate.uploaderId() == callerId)
                    .orElseThrow(() -> new InvalidInputException(
                            "attachments",
                            "file " + reference.display() + " is not one you uploaded to chat " + chatId));
            if (!seen.add(file.id())) {
                throw new InvalidInputException("attachments", "file " + reference.display() + " is listed twice");
            }
            if (attachments.isAttached(file.id())) {
                throw new InvalidInputException(
                        "attachments", "file " + reference.display() + " is already attached to a message");
            }
            found.add(file);
        }
        return found;
    }

    /** Records the files of a new message, in the sender's order. */
    public List<Attachment> attach(long messageId, List<StoredFile> attached) {
        for (int i = 0; i < attached.size(); i++) {
            attachments.attach(messageId, attached.get(i).id(), i);
        }
        return attached.stream().map(Attachments::of).toList();
    }

    /** The attachments of each of the given messages (messages without any are left out). */
    public Map<Long, List<Attachment>> attachmentsOf(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Attachment>> byMessage = new LinkedHashMap<>();
        for (AttachmentRow row : attachments.findAttachments(messageIds)) {
            byMessage.computeIfAbsent(row.messageId(), id -> new ArrayList<>()).add(row.toAttachment());
        }
        return byMessage;
    }

    private ImageTool.Scaled thumbnailOf(StagedContent staged, ImageTool.ImageInfo image) {
        try {
            return images.scaleToFit(staged.path(), image, settings.thumbnailMaxDimension());
        } catch (IOException | RuntimeException e) {
            // A picture the decoder cannot read is still a file the members can download.
            return null;
        }
    }

    /** {@code holiday.heic} gets {@code holiday-thumbnail.jpg}: the name says what the bytes are. */
    private static String thumbnailName(String name, String contentType) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "-thumbnail" + (contentType.equals("image/png") ? ".png" : ".jpg");
    }

    private void requireQuota(long callerId, long adding) {
        if (adding > 0) {
            // In the upload's transaction: two uploads at once must not both fit into the last space.
            writeLocks.exclusive("quota:" + callerId);
        }
        long quota = settings.userQuota();
        if (quota <= 0) {
            return;
        }
        long used = files.usedBytes(callerId);
        if (used + adding > quota || (adding == 0 && used >= quota)) {
            throw new PayloadTooLargeException(
                    "storage_quota_exceeded",
                    "your uploads would take " + Sizes.human(used + adding) + ", over your storage quota of "
                            + Sizes.human(quota) + " (" + Sizes.human(used) + " used)");
        }
    }

    private static PayloadTooLargeException tooLarge(long max) {
        return new PayloadTooLargeException(
                "file_too_large", "the file is larger than the upload limit of " + Sizes.human(max));
    }
}
