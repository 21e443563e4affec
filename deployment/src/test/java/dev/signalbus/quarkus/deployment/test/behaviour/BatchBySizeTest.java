package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.BatchBySize;
import io.quarkus.test.QuarkusUnitTest;

public class BatchBySizeTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(BatchBySize.class);
}
