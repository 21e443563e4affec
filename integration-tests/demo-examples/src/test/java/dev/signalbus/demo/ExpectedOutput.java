package dev.signalbus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What a demo must print, whichever container runs it: the four examples' output, then its own line saying the bus
 * drained. Shared through this module's test-jar by the demos' tests.
 */
public final class ExpectedOutput {

    private ExpectedOutput() {
    }

    /**
     * Asserts that {@code output} holds the four examples' lines and ends with {@code lastLine}.
     *
     * @param output the demo's standard output, a line an element; lines not starting with {@code [} (a launcher's
     *        log lines) are ignored
     * @param lastLine what the demo prints once the bus has drained and the container is closed
     */
    public static void assertFourExamples(List<String> output, String lastLine) {
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
        assertThat(lines).last().isEqualTo(lastLine);
    }
}
