package app.parley.server.api.v1;

import app.parley.model.file.Attachment;
import app.parley.model.file.StorageUsage;
import app.parley.server.attachments.Attachments;
import app.parley.server.attachments.ChatFileService;
import app.parley.server.chats.ChatService;
import app.parley.server.common.IdRefs;
import app.parley.server.errors.ErrorDialects;
import app.parley.server.errors.ParleyException;
import app.parley.server.files.FileService;
import app.parley.server.files.StoredFile;
import app.parley.server.files.Upload;
import app.parley.server.security.Caller;
import com.google.common.io.ByteStreams;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Files in chats: upload (multipart, streamed to disk), download with ranges, thumbnails, and
 * the caller's storage use. A message carries files by listing their ids in {@code attachments}.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "files")
class FilesController {
    private final ChatService chats;
    private final ChatFileService chatFiles;
    private final FileService files;
    private final HttpServerConfiguration server;
    private final ErrorDialects errors;

    FilesController(
            ChatService chats,
            ChatFileService chatFiles,
            FileService files,
            HttpServerConfiguration server,
            ErrorDialects errors) {
        this.server = server;
        this.errors = errors;
        this.chats = chats;
        this.chatFiles = chatFiles;
        this.files = files;
    }

    /** Uploads the multipart part {@code file} into a chat (members only); 201 with the file's description. */
    @Post("/chats/{chatId}/files{/}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(
            Authentication authentication, String chatId, StreamingFileUpload file, HttpRequest<?> request) {
        long length = request.getContentLength();
        try (InputStream content = file.asInputStream()) {
            try {
                long chat = chats.get(chatId).id();
                StoredFile stored = chatFiles.upload(
                        Caller.id(authentication),
                        chat,
                        new Upload(file.getFilename(), content),
                        length < 0 ? OptionalLong.empty() : OptionalLong.of(length));
                return HttpResponse.created(Attachments.of(stored));
            } catch (ParleyException refusal) {
                // Many clients (java.net.http among them) send the whole body before they read an
                // answer: read the rest of the upload (no more than the server accepts in one
                // request) so that they get this one, then end the connection.
                drain(content, server.getMaxRequestSize());
                return errors.response(request.getPath(), refusal).header(HttpHeaders.CONNECTION, "close");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
    }

    private static void drain(InputStream content, long atMost) throws IOException {
        ByteStreams.exhaust(ByteStreams.limit(content, atMost));
    }

    /** A file's bytes (members of its chat only), with ranges for resuming and an ETag. */
    @Get("/files/{fileId}{/}")
    MutableHttpResponse<?> download(Authentication authentication, String fileId, HttpRequest<?> request) {
        StoredFile file = chatFiles.requireReadable(Caller.id(authentication), IdRefs.parse(fileId, "file_id"));
        return FileResponses.serve(request, files.pathOf(file), file);
    }

    /** The thumbnail of an image file. */
    @Get("/files/{fileId}/thumbnail{/}")
    MutableHttpResponse<?> thumbnail(Authentication authentication, String fileId, HttpRequest<?> request) {
        StoredFile thumbnail = chatFiles.requireThumbnail(Caller.id(authentication), IdRefs.parse(fileId, "file_id"));
        return FileResponses.serve(request, files.pathOf(thumbnail), thumbnail);
    }

    /** A file's description, as messages show it. */
    @Get("/files/{fileId}/info{/}")
    Attachment info(Authentication authentication, String fileId) {
        return Attachments.of(chatFiles.requireReadable(Caller.id(authentication), IdRefs.parse(fileId, "file_id")));
    }

    /** How much of the storage quota the caller's uploads take, and the size limit of one file. */
    @Get("/storage{/}")
    StorageUsage storage(Authentication authentication) {
        return chatFiles.usage(Caller.id(authentication));
    }
}
