package app.parley.server.files;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * Upload limits and image handling, configurable under {@code parley.files}; defaults live in
 * application.yml. Sizes accept units ({@code 100MB}).
 *
 * @param maxFileSize              largest file a member may upload into a chat
 * @param maxPhotoSize             largest profile or group photo accepted before resizing
 * @param userQuota                total size of one user's uploads; 0 means no quota
 * @param photoMaxDimension        photos are scaled down to fit this many pixels a side
 * @param thumbnailMaxDimension    thumbnails of image attachments fit this many pixels a side
 * @param imageMaxPixels           larger images are stored but not decoded (no thumbnail), which bounds memory
 * @param maxAttachmentsPerMessage files one message may carry
 */
@ConfigurationProperties("parley.files")
public record FileSettings(
        @ReadableBytes long maxFileSize,
        @ReadableBytes long maxPhotoSize,
        @ReadableBytes long userQuota,
        int photoMaxDimension,
        int thumbnailMaxDimension,
        long imageMaxPixels,
        int maxAttachmentsPerMessage) {}
