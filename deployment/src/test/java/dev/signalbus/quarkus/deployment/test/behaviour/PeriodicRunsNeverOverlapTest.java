package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PeriodicRunsNeverOverlap;
import io.quarkus.test.QuarkusUnitTest;

public class PeriodicRunsNeverOverlapTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PeriodicRunsNeverOverlap.class);
}
