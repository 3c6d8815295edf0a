package dev.apigwinsights.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwinsights.local.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code dashboard} and {@code serve} commands as a user runs them: output, exit codes, messages. */
class DashboardCommandsTest {
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void dashboardWritesOneSelfContainedFileWithEveryInsight(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/dashboard.html");
        Run r = run("dashboard", "--data", DashboardFixture.store().toString(), "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote " + file).contains("MB");
        String html = Files.readString(file);
        assertThat(Files.size(file)).as("bytes").isLessThan(5_000_000);
        assertThat(html).contains("\"mode\":\"snapshot\"", "\"answers\":{", "\"overview_kpis\":{", "\"previous\":{")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void dashboardTakesARange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.html");
        Run r = run("dashboard", "--data", DashboardFixture.store().toString(), "--from", "2024-03-09", "--to", "2024-03-10", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(file)).contains("\"range\":{\"from\":\"2024-03-09T00:00:00Z\",\"to\":\"2024-03-10T00:00:00Z\"}");
    }

    @Test
    void dashboardSaysWhatIsWrongWithItsOptions(@TempDir Path dir) {
        Run noTo = run("dashboard", "--data", DashboardFixture.store().toString(), "--from", "2024-03-09", "--out", dir.resolve("x.html").toString());
        assertThat(noTo.code()).isEqualTo(2);
        assertThat(noTo.err()).contains("give both --from and --to");
        Run badDate = run("dashboard", "--data", DashboardFixture.store().toString(), "--from", "soon", "--to", "later",
                "--out", dir.resolve("x.html").toString());
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("not an ISO date");
        Run noStore = run("dashboard", "--data", dir.resolve("nothing").toString(), "--out", dir.resolve("x.html").toString());
        assertThat(noStore.code()).isEqualTo(2);
        assertThat(noStore.err()).contains("no data at").contains("ingest");
        assertThat(run("dashboard", "--data", dir.toString()).err()).contains("--out");
    }

    @Test
    void serveSaysWhatIsWrongWithItsOptions(@TempDir Path dir) throws Exception {
        Run badPort = run("serve", "--data", DashboardFixture.store().toString(), "--port", "70000");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port");
        Run noStore = run("serve", "--data", dir.resolve("nothing").toString());
        assertThat(noStore.code()).isEqualTo(2);
        assertThat(noStore.err()).contains("no data at");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run busy = run("serve", "--data", DashboardFixture.store().toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(busy.code()).isEqualTo(1);
            assertThat(busy.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
