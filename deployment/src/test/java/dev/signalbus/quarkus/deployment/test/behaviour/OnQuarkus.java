package dev.signalbus.quarkus.deployment.test.behaviour;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import dev.signalbus.behaviour.Behaviour;
import dev.signalbus.behaviour.Container;
import dev.signalbus.behaviour.DefinitionError;
import dev.signalbus.behaviour.Scenario;
import dev.signalbus.behaviour.Scenarios;
import dev.signalbus.behaviour.Shared;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/**
 * The behaviour suite ({@code dev.signalbus.behaviour}) on Quarkus. QuarkusUnitTest builds one application per test
 * class, so each scenario {@code dev.signalbus.behaviour[.sub].X} has a runner {@code XTest} in this package (and the
 * same sub-package) of two lines:
 *
 * <pre>
 * public class XTest extends OnQuarkus {
 *     &#64;RegisterExtension
 *     static final QuarkusUnitTest APP = app(X.class);
 * }
 * </pre>
 *
 * {@link EveryScenarioRunsOnQuarkusTest} fails while one is missing.
 */
public abstract class OnQuarkus {

    static final String PREFIX = "quarkus.signal-bus.";
    static final String NAME = "Quarkus";

    /** The application of {@code type}: its classes and settings; checks its failure or what it did after it stopped. */
    protected static QuarkusUnitTest app(Class<? extends Scenario> type) {
        // a runner runs the scenario it is named after (a definition error never reaches behaves(), which would tell)
        String runner = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getName();
        if (!scenarioOf(runner).equals(type.getName())) {
            throw new IllegalStateException(runner + " runs " + type.getName() + ": a runner XTest runs its scenario X,"
                    + " " + scenarioOf(runner));
        }
        Scenario scenario = Scenarios.create(type);
        QuarkusUnitTest test = new QuarkusUnitTest().withApplicationRoot(root -> root.addClasses(scenario.classes())
                .addClasses(Scenario.class, Scenarios.class, Behaviour.class, DefinitionError.class, Container.class,
                        Shared.class));
        // what a scenario looks up with Container#select is used by no injection point, and ArC would remove it; the
        // beans with subscribers or periodic tasks are left out, to keep checking that the extension keeps them
        test.overrideConfigKey("quarkus.arc.unremovable-types", Arrays.stream(scenario.classes())
                .filter(bean -> !hasBusMethods(bean)).map(Class::getName).collect(Collectors.joining(",")));
        scenario.settings().forEach((key, value) -> test.overrideConfigKey(PREFIX + key, value));
        scenario.config().forEach(test::overrideConfigKey);
        if (scenario instanceof DefinitionError error) {
            return test.assertException(failure -> error.check(DefinitionError.messages(failure), PREFIX));
        }
        return test.setAfterUndeployListener(() -> {
            try {
                ((Behaviour) scenario).afterStop(NAME);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static boolean hasBusMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(method -> method.isAnnotationPresent(PeriodicTask.class)
                || Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(Subscribes.class)));
    }

    /** The scenario a runner runs: {@code ...test.behaviour.XTest} runs {@code dev.signalbus.behaviour.X}. */
    static String scenarioOf(String runner) {
        String relative = runner.substring(OnQuarkus.class.getPackageName().length());
        return Scenario.class.getPackageName() + relative.substring(0, relative.length() - "Test".length());
    }

    @Test
    void behaves() throws Exception {
        // runs in the application's class loader, where the scenario's classes are the application's
        Class<?> type = Class.forName(scenarioOf(getClass().getName()), true, getClass().getClassLoader());
        Scenario scenario = Scenarios.create(type.asSubclass(Scenario.class));
        if (scenario instanceof Behaviour behaviour) {
            behaviour.run(new OnArc());
        }
        // a DefinitionError never gets here: the application does not start, and app() checked why
    }

    private static final class OnArc extends Container {

        OnArc() {
            super(NAME, PREFIX);
        }

        @Override
        public <T> T select(Class<T> type, Annotation... qualifiers) {
            return Arc.container().select(type, qualifiers).get();
        }

        @Override
        public Optional<Executor> eventLoop() {
            Vertx vertx = Arc.container().select(Vertx.class).get();
            return Optional.of(task -> vertx.runOnContext(ignored -> task.run()));
        }
    }
}
