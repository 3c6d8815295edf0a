package dev.apigwinsights.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI keeps data when {@code --data} is not given: under {@code $APIGW_INSIGHTS_HOME}
 * if set, else {@code $XDG_DATA_HOME/apigw-insights}, else {@code ~/.local/share/apigw-insights};
 * {@code data/} for ingested logs, {@code demo/} for the demo, kept apart so the demo never
 * touches real data.
 */
public final class DataDirs {
    public static final String HOME_ENV = "APIGW_INSIGHTS_HOME";

    private DataDirs() {
    }

    static Path home(Map<String, String> env) {
        String home = env.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "apigw-insights");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "apigw-insights");
    }

    /** The store {@code ingest} and {@code query} use by default. */
    public static Path store(Map<String, String> env) {
        return home(env).resolve("data");
    }

    /**
     * The store a reading command (query, serve, dashboard, report) works on: {@code option} (its
     * {@code --data}) when given, else {@link #store}.
     *
     * @throws NoStoreException when there is no data there, with the one-line message every command prints
     */
    public static Path readableStore(Path option, Map<String, String> env) throws NoStoreException {
        Path dir = option != null ? option : store(env);
        if (!Files.isDirectory(dir)) {
            throw new NoStoreException("no data at " + dir + ": run 'ingest' (or 'demo') first, or give --data DIR");
        }
        return dir;
    }

    /**
     * Why {@code dir} cannot be a store a command writes (it exists and is not a directory), or null:
     * the one-line message ingest and demo print instead of the file system's bare path.
     */
    public static String notAStoreDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "--data " + dir + " is a file, not a directory: give the store's directory (it is created if missing)";
        }
        return null;
    }

    /** There is no store where a reading command looked. */
    public static final class NoStoreException extends Exception {
        private static final long serialVersionUID = 1L;

        NoStoreException(String message) {
            super(message);
        }
    }

    /** The store {@code demo} writes by default. */
    public static Path demo(Map<String, String> env) {
        return home(env).resolve("demo");
    }
}
