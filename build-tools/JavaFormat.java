import com.palantir.javaformat.java.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks or applies palantir-java-format over every {@code .java} file of the tree (target/ and hidden folders left
 * out). Run by the root pom on the JDK the toolchain picked, because the formatter parses with the running JDK's
 * javac and our sources use Java 21+ syntax that Maven's own JDK 17 cannot parse.
 *
 * <p>{@code java -cp <formatter classpath> JavaFormat.java check|apply <tree> <cache file>}. Files whose exact
 * content was already found formatted (by this formatter version and style) are remembered in the cache file and not
 * parsed again, so a check after a small edit takes a second or two instead of the whole tree's ~20 s.
 */
public final class JavaFormat {
    /** The style flag: 4-space indentation and 120 columns, the closest to how the tree was written by hand. */
    private static final List<String> STYLE = List.of("--palantir");

    private JavaFormat() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !Set.of("check", "apply").contains(args[0])) {
            System.err.println("usage: JavaFormat check|apply <tree> <cache file>");
            System.exit(2);
        }
        boolean apply = args[0].equals("apply");
        Path tree = Path.of(args[1]).toAbsolutePath().normalize();
        Path cacheFile = Path.of(args[2]);
        String key = "palantir-java-format " + Main.class.getPackage().getImplementationVersion() + " " + STYLE;

        Map<Path, String> hashes = new LinkedHashMap<>();
        for (Path file : javaFiles(tree)) {
            hashes.put(file, sha256(file));
        }
        Set<String> known = readCache(cacheFile, key);
        List<Path> todo = hashes.entrySet().stream()
                .filter(e -> !known.contains(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();

        Set<Path> unformatted = new TreeSet<>();
        if (!todo.isEmpty()) {
            List<String> formatterArgs = new ArrayList<>(STYLE);
            formatterArgs.add(apply ? "--replace" : "--dry-run");
            todo.forEach(file -> formatterArgs.add(file.toString()));
            StringWriter out = new StringWriter();
            PrintWriter err = new PrintWriter(System.err, true); // not closed: that would close System.err
            int status;
            try {
                status = new Main(new PrintWriter(out), err, System.in).format(formatterArgs.toArray(String[]::new));
            } catch (Exception e) {
                err.println("palantir-java-format failed: " + e);
                status = 1;
            }
            err.flush();
            if (status != 0) {
                // Unparseable sources: the formatter has named them on stderr. Cache nothing from this run.
                System.exit(1);
            }
            out.toString().lines().filter(line -> !line.isBlank()).forEach(line -> unformatted.add(Path.of(line)));
        }

        Set<String> clean = new TreeSet<>();
        for (Map.Entry<Path, String> e : hashes.entrySet()) {
            if (apply) {
                // Only files the formatter left as they were: a rewrite is not always a fixed point
                // (a text block's indentation can move twice), so rewritten files are checked again.
                if (sha256(e.getKey()).equals(e.getValue())) {
                    clean.add(e.getValue());
                }
            } else if (!unformatted.contains(e.getKey())) {
                clean.add(e.getValue());
            }
        }
        writeCache(cacheFile, key, clean);

        System.out.printf(
                "palantir-java-format: %d files, %d checked, %d cached as formatted%n",
                hashes.size(), todo.size(), hashes.size() - todo.size());
        if (!unformatted.isEmpty() && !apply) {
            System.err.println("These files are not formatted:");
            unformatted.forEach(file -> System.err.println("  " + tree.relativize(file)));
            System.err.println("Format the whole tree with:  mvn -q -Pformat validate");
        }
        // Explicitly: the formatter's worker threads would otherwise keep the JVM alive.
        System.exit(unformatted.isEmpty() || apply ? 0 : 1);
    }

    /** Every .java file under the tree; build output and hidden folders such as .git are not walked into. */
    private static List<Path> javaFiles(Path tree) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                boolean skip = !dir.equals(tree) && (name.equals("target") || name.startsWith("."));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static Set<String> readCache(Path cacheFile, String key) throws IOException {
        if (!Files.isRegularFile(cacheFile)) {
            return Set.of();
        }
        List<String> lines = Files.readAllLines(cacheFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(key)) {
            return Set.of(); // another formatter version or style: everything is checked again
        }
        return new TreeSet<>(lines.subList(1, lines.size()));
    }

    private static void writeCache(Path cacheFile, String key, Set<String> hashes) throws IOException {
        Files.createDirectories(cacheFile.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        lines.add(key);
        lines.addAll(hashes);
        Files.write(cacheFile, lines, StandardCharsets.UTF_8);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
