package dev.signalbus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quarkus application's throughput output: read, summarized per peer and fan-out, with a t-interval. */
class QuarkusResultsTest {

    @TempDir
    Path dir;

    /** As the application's Main appends it: a header, then one line per measured round. */
    private Path output() throws IOException {
        Path file = dir.resolve("quarkus-throughput.tsv");
        Files.writeString(file, QuarkusResults.HEADER + "\n" + """
                signal-bus\t4\t0\t0.601\t601000\t1000000
                signal-bus\t4\t1\t0.600\t660000\t1100000
                signal-bus\t4\t2\t0.600\t540000\t900000
                signal-bus\t4\t3\t0.600\t600000\t1000000
                signal-bus\t4\t4\t0.600\t600000\t1000000
                arc-async\t4\t0\t0.600\t240000\t400000
                signal-bus\t1\t0\t0.600\t1200000\t2000000
                """);
        return file;
    }

    @Test
    void summarizesTheRoundsOfEachPeerAndFanOutWithA999PercentTInterval() throws IOException {
        List<QuarkusResults.Summary> summaries = QuarkusResults.summarize(QuarkusResults.read(output()));

        assertThat(summaries).extracting(QuarkusResults.Summary::peer)
                .containsExactly("signal-bus", "arc-async", "signal-bus");
        QuarkusResults.Summary ours = QuarkusResults.find(summaries, "signal-bus", 4).orElseThrow();
        assertThat(ours.rounds()).isEqualTo(5);
        assertThat(ours.mean()).isCloseTo(1_000_000, within(1e-6));
        assertThat(ours.sd()).isCloseTo(Math.sqrt(5e9), within(1e-3)); // (0 + 1e10 + 1e10 + 0 + 0) / 4
        // t(0.9995, 4 degrees of freedom) = 8.610
        assertThat(QuarkusResults.t(4)).isCloseTo(8.610, within(0.001));
        assertThat(ours.halfWidth()).isCloseTo(8.610 * Math.sqrt(5e9) / Math.sqrt(5), within(50.0));
        assertThat(ours.min()).isEqualTo(900_000);
        assertThat(ours.max()).isEqualTo(1_100_000);
        assertThat(ours.interval()).hasValueSatisfying(i -> assertThat(i.low()).isCloseTo(727_700, within(100.0)));
        // a single round: no interval, so no target can be decided from it
        assertThat(QuarkusResults.find(summaries, "arc-async", 4).orElseThrow().interval()).isEmpty();
    }

    @Test
    void printsTheLatencyRunsRateAsAFractionOfSignalBusMean() throws IOException {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            QuarkusResults.main(new String[] { "--rate-from", output().toString(), "--subscribers", "4", "--fraction",
                    "0.5" });
        } finally {
            System.setOut(stdout);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).trim()).isEqualTo("500000");
    }

    @Test
    void refusesALineOfAnotherFormat() {
        assertThatThrownBy(() -> QuarkusResults.Round.parse("signal-bus\t4\t1000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 tab-separated fields");
    }
}
