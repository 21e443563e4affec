package dev.signalbus.behaviour;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One application of the behaviour suite, written once and run on every container: on Weld SE by
 * {@code dev.signalbus.cdi.BehavioursOnWeldTest}, on Quarkus by a {@code QuarkusUnitTest} named after it in
 * {@code dev.signalbus.quarkus.deployment.test.behaviour}. A scenario is either a {@link Behaviour} (the
 * application starts, runs, stops) or a {@link DefinitionError} (it must not start). See docs/architecture.md.
 * <p>
 * A scenario class has a public no-argument constructor; its beans are its nested classes. A helper that scenarios
 * share (like {@link Periods}) is a class of its own that uses JDK and Signal Bus API types only: on Quarkus it is
 * loaded outside the application, where {@link Container} or another scenario is not the application's.
 */
public abstract class Scenario {

    /**
     * The application's classes: by default this class, the concrete scenarios it extends, and every class nested in
     * them. On Quarkus the checks run in the
     * application's class loader, which is why the scenario itself is one of them.
     */
    public Class<?>[] classes() {
        List<Class<?>> classes = new ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        // a scenario that extends another (concrete) one runs in the other's application, with more beans
        for (Class<?> type = getClass(); !Modifier.isAbstract(type.getModifiers()); type = type.getSuperclass()) {
            todo.add(type);
        }
        while (!todo.isEmpty()) {
            Class<?> next = todo.pop();
            classes.add(next);
            todo.addAll(List.of(next.getDeclaredClasses()));
        }
        return classes.toArray(Class<?>[]::new);
    }

    /**
     * The bus's settings, keys without their prefix ({@code "queue-capacity"} is {@code signal-bus.queue-capacity}
     * on Weld SE, {@code quarkus.signal-bus.queue-capacity} on Quarkus).
     */
    public Map<String, String> settings() {
        return Map.of();
    }

    /** Other configuration, keys as they are (for example a key that {@code ${app.every}} names). */
    public Map<String, String> config() {
        return Map.of();
    }
}
