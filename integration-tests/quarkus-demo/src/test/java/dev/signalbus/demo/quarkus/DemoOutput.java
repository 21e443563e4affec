package dev.signalbus.demo.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What the demo must print: the four examples' output, then the drain. */
final class DemoOutput {

    private DemoOutput() {
    }

    static void assertFourExamples(List<String> output) {
        // the examples' lines, without the log lines a launcher may add
        List<String> lines = output.stream().filter(line -> line.startsWith("[")).toList();
        for (int i = 0; i < 10; i++) {
            String message = "{\"message\": \"message:" + i + "\"}";
            assertThat(lines).contains("[1 publisher] publishing " + message,
                    "[1 publisher] foo subscriber 0 received " + message,
                    "[1 publisher] foo subscriber 1 received " + message);
        }
        assertThat(lines).contains("[2 injection] hello from Frank");
        assertThat(lines.stream().filter("[3 periodic task] foo"::equals).count()).isGreaterThanOrEqualTo(4);
        assertThat(lines).contains("[4 periodic publisher] CATS", "[4 periodic publisher] DOGS",
                "[4 periodic publisher] 1", "[4 periodic publisher] 2");
        assertThat(lines).last().isEqualTo("[demo] Signal Bus drained, application stopped");
    }
}
