package dev.signalbus.model;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The words both front doors use for definition errors that {@link TopicGraph} does not find itself: the one report
 * listing every problem of an application, {@code @Publishes} on a class, and the problems of injected parameters,
 * which each container finds with its own resolver.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * The one failure of an application: every problem, numbered.
     *
     * <pre>{@code
     * Signal Bus found 2 problems in this application:
     *   1. com.acme.Orders#place() is a @Publishes method but returns void, ...
     *   2. ...
     * }</pre>
     */
    public static String report(List<String> problems) {
        StringBuilder message = new StringBuilder("Signal Bus found ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" in this application:");
        for (int i = 0; i < problems.size(); i++) {
            message.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return message.toString();
    }

    /** {@code @Publishes} on a class (it is there only so that the interceptor can carry it). */
    public static String publishesOnClass(String className) {
        return className + ": @Publishes is not allowed on a class; put it on the methods whose return value is the "
                + "signal";
    }

    /**
     * An injected parameter of a subscriber or periodic method that no bean satisfies.
     *
     * @param method {@link MethodModel#signature()}
     * @param position the parameter's position
     * @param name the parameter's name
     * @param type the parameter's type, with package names
     * @param qualifiers the parameter's qualifiers but {@code @Default}, e.g. {@code @Named("mailer")}
     */
    public static String unsatisfied(String method, int position, String name, String type,
            Collection<String> qualifiers) {
        return parameter(method, position, name, type) + " is unsatisfied: no bean has type " + type
                + qualified(qualifiers) + "; add such a bean or @Produces method, or, if it is the signal, annotate "
                + "it with @Subscribes";
    }

    /**
     * An injected parameter of a subscriber or periodic method that several beans satisfy.
     *
     * @param beanClasses the classes of those beans
     * @see #unsatisfied
     */
    public static String ambiguous(String method, int position, String name, String type,
            Collection<String> qualifiers, Collection<String> beanClasses) {
        return parameter(method, position, name, type) + " is ambiguous: beans of " + new TreeSet<>(beanClasses)
                + " all have type " + type + qualified(qualifiers) + "; add a qualifier to the parameter, or make all "
                + "but one an @Alternative";
    }

    private static String parameter(String method, int position, String name, String type) {
        return method + ": parameter " + position + " '" + name + "' (" + type + ")";
    }

    private static String qualified(Collection<String> qualifiers) {
        return qualifiers.isEmpty() ? "" : " with qualifiers " + String.join(" ", new TreeSet<>(qualifiers));
    }
}
