package dev.signalbus.quarkus.deployment.test.behaviour;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.behaviour.PeriodicConfigExpression;
import io.quarkus.test.QuarkusUnitTest;

public class PeriodicConfigExpressionTest extends OnQuarkus {
    @RegisterExtension
    static final QuarkusUnitTest APP = app(PeriodicConfigExpression.class);
}
