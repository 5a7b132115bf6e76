package org.chainwise.api.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jakarta.inject.Singleton;

/**
 * The static files of the web pages, read from the classpath: the application's own under
 * {@code public/assets/} and front-end libraries from their webjars. {@link #version()} is a digest of
 * the application's own files, so a page that names its assets under that version can let browsers
 * keep them for a year and still gets new ones after a deployment changes them.
 */
@Singleton
public final class Assets {

    static final String OWN_ROOT = "public/assets/";
    static final String WEBJARS_ROOT = "META-INF/resources/webjars/";
    private static final String WEBJARS_PREFIX = "webjars/";

    /** Letters, digits, dot, dash and underscore between slashes: no "..", no empty segment, no backslash. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2",
            "woff", "font/woff",
            "ttf", "font/ttf");

    private final ClassLoader loader;
    private final String version;
    private final String katexVersion;

    Assets() {
        this.loader = Assets.class.getClassLoader();
        this.version = digestOfOwnFiles(loader);
        this.katexVersion = webjarVersion(loader, "org.webjars.npm", "katex");
    }

    /** Changes whenever one of the application's own asset files does. */
    public String version() {
        return version;
    }

    /** The version of the KaTeX webjar on the classpath, which names its folder. */
    public String katexVersion() {
        return katexVersion;
    }

    /** The file at {@code path} below {@code /assets/<version>/}, if it is one we serve. */
    public Optional<Asset> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String contentType = CONTENT_TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (contentType == null) {
            return Optional.empty();
        }
        String resource = path.startsWith(WEBJARS_PREFIX)
                ? WEBJARS_ROOT + path.substring(WEBJARS_PREFIX.length())
                : OWN_ROOT + path;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The bytes of one served file and its media type. */
    public record Asset(byte[] bytes, String contentType) {
    }

    private static String digestOfOwnFiles(ClassLoader loader) {
        URL root = loader.getResource(OWN_ROOT);
        if (root == null) {
            throw new IllegalStateException("no " + OWN_ROOT + " on the classpath");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            URI uri = root.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    digestTree(jar.provider().getPath(uri), digest);
                }
            } else {
                digestTree(Path.of(uri), digest);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digestTree(Path root, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
    }

    private static String webjarVersion(ClassLoader loader, String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is not on the classpath (" + resource + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
