package dev.signalbus.quarkus.deployment.test.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbus.behaviour.Scenario;
import dev.signalbus.behaviour.Scenarios;

/** Each scenario of the behaviour suite has its runner here: none runs on Weld SE only. */
class EveryScenarioRunsOnQuarkusTest {

    @Test
    void eachScenarioHasItsRunner() {
        List<Class<? extends Scenario>> scenarios = Scenarios.all();
        assertThat(scenarios).isNotEmpty();
        assertThat(scenarios).allSatisfy(scenario -> {
            String runner = OnQuarkus.class.getPackageName()
                    + scenario.getName().substring(Scenario.class.getPackageName().length()) + "Test";
            assertThat(OnQuarkus.scenarioOf(runner)).isEqualTo(scenario.getName());
            Class<?> type = Class.forName(runner, false, getClass().getClassLoader());
            assertThat(OnQuarkus.class).as("runner of %s", scenario.getName()).isAssignableFrom(type);
        });
    }
}
