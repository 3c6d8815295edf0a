package dev.apigwinsights.local;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a page in the user's browser, only where one can appear: macOS and Windows desktops, and
 * Linux or BSD sessions with a display ({@code DISPLAY} or {@code WAYLAND_DISPLAY}) and
 * {@code xdg-open}. On a server, in CI or over SSH it does nothing, and the printed URL is enough.
 */
final class Browser {

    private Browser() {
    }

    /** Starts the browser on {@code url}; returns the command used, or empty when none applies. */
    static Optional<String> open(URI url, Map<String, String> env) {
        Optional<List<String>> command = command(url, env, System.getProperty("os.name", ""));
        if (command.isEmpty()) {
            return Optional.empty();
        }
        try {
            new ProcessBuilder(command.get()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return Optional.of(command.get().get(0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<List<String>> command(URI url, Map<String, String> env, String osName) {
        if (env.containsKey("CI")) {
            return Optional.empty();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Optional.of(List.of("open", url.toString()));
        }
        if (os.contains("windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url.toString()));
        }
        boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        return display && onPath("xdg-open", env.get("PATH")) ? Optional.of(List.of("xdg-open", url.toString())) : Optional.empty();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean onPath(String program, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
