package dev.signalbus.demo.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.signalbus.demo.ExpectedOutput;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** Runs the demo as a user would and checks what it prints and its exit code. */
@QuarkusMainTest
class DemoTest {

    @Test
    @Launch
    void printsTheFourExamples(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        ExpectedOutput.assertFourExamples(result.getOutputStream(), "[demo] Signal Bus drained, application stopped");
    }
}
