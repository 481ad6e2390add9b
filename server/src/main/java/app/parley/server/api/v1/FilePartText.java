package app.parley.server.api.v1;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import io.netty.handler.codec.http.multipart.FileUpload;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a multipart part that came as a file. Seed 002's {@code json} form field is often
 * sent that way (a browser's {@code FormData} with a {@code Blob}, Python's {@code files=}),
 * typed {@code application/json}; Micronaut would otherwise decode such a part as a JSON value
 * of the parameter's type and fail to read an object as a {@code String}. Seed 002 quirk:
 * see docs/api.md, "Seed quirks in the canonical code".
 */
@Singleton
class FilePartText implements TypeConverter<FileUpload, String> {

    @Override
    public Optional<String> convert(FileUpload part, Class<String> targetType, ConversionContext context) {
        if (!part.isCompleted()) {
            return Optional.empty();
        }
        try {
            Charset charset = part.getCharset() == null ? StandardCharsets.UTF_8 : part.getCharset();
            return Optional.of(part.getString(charset));
        } catch (IOException e) {
            context.reject(part, e);
            return Optional.empty();
        }
    }
}
