package dev.signalbus.demo.weld;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.signalbus.demo.ExpectedOutput;

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
        ExpectedOutput.assertFourExamples(output.lines().toList(), "[demo] Signal Bus drained, container closed");
    }
}
