package dev.signalbus.cdi;

import org.junit.jupiter.api.Test;

import dev.signalbus.behaviour.BadKeys;

/** Bad keys are deployment errors on Weld SE: {@link BadKeys}. */
class KeyValidationTest {

    @Test
    void deploymentFailsNamingTheMethodTheTypeAndTheAccessor() {
        BadKeys.check(Cdi.deploymentFailure(BadKeys.CLASSES));
    }
}
