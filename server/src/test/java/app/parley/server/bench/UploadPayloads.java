package app.parley.server.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Files for the posts that carry one: half small photos (PNG, so the server makes a thumbnail),
 * half other files of 16–256 KB. Every one has new bytes: the server keeps equal content once, and
 * the same file again would cost it less than a real upload.
 */
final class UploadPayloads {
    private UploadPayloads() {}

    record Payload(String name, String contentType, byte[] bytes) {}

    static Payload next(SplittableRandom random, long serial) {
        if (random.nextBoolean()) {
            return new Payload("photo-" + serial + ".png", "image/png", photo(random));
        }
        byte[] bytes = new byte[random.nextInt(16 << 10, 256 << 10)];
        random.nextBytes(bytes);
        return new Payload("notes-" + serial + ".bin", "application/octet-stream", bytes);
    }

    /** 160×120 with a random gradient and speckles: a PNG of some tens of KB. */
    private static byte[] photo(SplittableRandom random) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        int base = random.nextInt(0xFFFFFF);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int noise = random.nextInt(8) == 0 ? random.nextInt(0xFFFFFF) : 0;
                image.setRGB(x, y, (base + x * 0x010203 + y * 0x030201) ^ noise);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
