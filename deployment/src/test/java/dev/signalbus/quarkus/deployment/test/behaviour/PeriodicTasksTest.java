package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PeriodicTasks;
import io.quarkus.test.QuarkusUnitTest;

public class PeriodicTasksTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PeriodicTasks.class);
}
