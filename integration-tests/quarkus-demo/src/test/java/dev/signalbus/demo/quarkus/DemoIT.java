package dev.signalbus.demo.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.signalbus.demo.ExpectedOutput;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** Runs the packaged application (target/quarkus-app/quarkus-run.jar, or the native binary) and checks its output. */
@QuarkusMainIntegrationTest
class DemoIT {

    @Test
    @Launch
    void printsTheFourExamples(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        ExpectedOutput.assertFourExamples(result.getOutputStream(), "[demo] Signal Bus drained, application stopped");
    }
}
