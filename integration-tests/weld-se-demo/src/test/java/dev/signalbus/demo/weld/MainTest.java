package dev.signalbus.demo.weld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Runs the demo as a user would and checks what it prints. */
class MainTest {

    @Test
    void printsTheFourExamples() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        List<String> lines = output.lines().toList();

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
        assertThat(lines).last().isEqualTo("[demo] Signal Bus drained, container closed");
    }
}
