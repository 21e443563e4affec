package dev.signalbus.quarkus.deployment;

import dev.signalbus.model.TopicGraph;
import dev.signalbus.quarkus.runtime.ExecutionModel;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A valid periodic task method and its invoker. Ordered by target so that the recorded bytecode is stable.
 */
final class PeriodicMethodBuildItem extends MultiBuildItem implements Comparable<PeriodicMethodBuildItem> {

    final TopicGraph.Periodic periodic;
    final ExecutionModel executionModel;
    final InvokerInfo invoker;

    PeriodicMethodBuildItem(TopicGraph.Periodic periodic, ExecutionModel executionModel, InvokerInfo invoker) {
        this.periodic = periodic;
        this.executionModel = executionModel;
        this.invoker = invoker;
    }

    @Override
    public int compareTo(PeriodicMethodBuildItem other) {
        return periodic.method().target().compareTo(other.periodic.method().target());
    }
}
