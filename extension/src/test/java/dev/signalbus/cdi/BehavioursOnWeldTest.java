package dev.signalbus.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.DefinitionError;
import dev.signalbus.behaviour.Scenario;
import dev.signalbus.behaviour.Scenarios;

/**
 * The behaviour suite ({@code dev.signalbus.behaviour}) on Weld SE: each scenario in a container of its own, with
 * exactly its classes and the portable extension, settings through MicroProfile Config.
 */
class BehavioursOnWeldTest {

    static final String PREFIX = "signal-bus.";

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        return Scenarios.all().stream().map(type -> dynamicTest(type.getName(), () -> run(Scenarios.create(type))));
    }

    private static void run(Scenario scenario) throws Exception {
        Map<String, String> config = new HashMap<>(scenario.config());
        scenario.settings().forEach((key, value) -> config.put(PREFIX + key, value));
        // as system properties, read through MicroProfile Config, for as long as the application runs
        config.forEach(System::setProperty);
        Cdi.refreshConfig();
        try {
            if (scenario instanceof DefinitionError error) {
                Throwable failure = assertThrows(RuntimeException.class, () -> Cdi.boot(scenario.classes()).close(),
                        () -> scenario.getClass().getName() + " must not deploy");
                error.check(DefinitionError.messages(failure), PREFIX);
                return;
            }
            Behaviour behaviour = (Behaviour) scenario;
            try (WeldContainer container = Cdi.boot(scenario.classes())) {
                behaviour.run(new OnWeld(container));
            }
            behaviour.afterStop(OnWeld.NAME);
        } finally {
            config.keySet().forEach(System::clearProperty);
            Cdi.refreshConfig();
        }
    }

    private static final class OnWeld extends Container {

        static final String NAME = "Weld SE";

        private final WeldContainer container;

        OnWeld(WeldContainer container) {
            super(NAME, PREFIX);
            this.container = container;
        }

        @Override
        public <T> T select(Class<T> type, Annotation... qualifiers) {
            return container.select(type, qualifiers).get();
        }
    }
}
