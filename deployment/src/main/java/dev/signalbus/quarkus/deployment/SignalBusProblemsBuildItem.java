package dev.signalbus.quarkus.deployment;

import java.util.List;

import org.jboss.jandex.MethodInfo;

import io.quarkus.arc.processor.BeanDeployment;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The Signal Bus problems of a failing build, and the methods whose injected parameters still have to be checked so
 * that every problem is reported in the same failure.
 */
final class SignalBusProblemsBuildItem extends SimpleBuildItem {

    final List<String> problems;
    final List<Lookups> lookups;
    final BeanDeployment beanDeployment;

    SignalBusProblemsBuildItem(List<String> problems, List<Lookups> lookups, BeanDeployment beanDeployment) {
        this.problems = problems;
        this.lookups = lookups;
        this.beanDeployment = beanDeployment;
    }

    /**
     * The looked-up parameters of one subscriber or periodic method.
     *
     * @param signature {@code MethodModel#signature()}, for messages
     */
    record Lookups(String signature, MethodInfo method, int signalIndex) {
    }
}
