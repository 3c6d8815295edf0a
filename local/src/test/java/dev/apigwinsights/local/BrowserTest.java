package dev.apigwinsights.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserTest {
    private static final URI URL = URI.create("http://127.0.0.1:8080/");

    @Test
    void opensABrowserOnlyWhereOneCanAppear() {
        assertThat(Browser.command(URL, Map.of(), "Linux")).isEmpty();
        assertThat(Browser.command(URL, Map.of("DISPLAY", ":0", "PATH", "/nonexistent"), "Linux")).isEmpty();
        assertThat(Browser.command(URL, Map.of("DISPLAY", ":0", "CI", "true"), "Mac OS X")).isEmpty();
        assertThat(Browser.command(URL, Map.of(), "Mac OS X")).hasValue(List.of("open", URL.toString()));
        assertThat(Browser.command(URL, Map.of(), "Windows 11")).hasValueSatisfying(c -> assertThat(c).contains(URL.toString()));
    }
}
