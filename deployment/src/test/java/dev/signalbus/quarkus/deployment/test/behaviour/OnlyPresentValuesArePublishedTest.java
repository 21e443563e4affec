package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.OnlyPresentValuesArePublished;
import io.quarkus.test.QuarkusUnitTest;

public class OnlyPresentValuesArePublishedTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(OnlyPresentValuesArePublished.class);
}
