package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.BatchByWait;
import io.quarkus.test.QuarkusUnitTest;

public class BatchByWaitTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(BatchByWait.class);
}
