package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.CompletionStagePublisher;
import io.quarkus.test.QuarkusUnitTest;

public class CompletionStagePublisherTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(CompletionStagePublisher.class);
}
