package dev.signalbus.quarkus.deployment.test.behaviour.validation;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.validation.BatchWithoutList;
import dev.signalbus.quarkus.deployment.test.behaviour.OnQuarkus;
import io.quarkus.test.QuarkusUnitTest;

public class BatchWithoutListTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(BatchWithoutList.class);
}
