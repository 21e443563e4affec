package dev.signalbus.quarkus.deployment;

import dev.signalbus.model.TopicGraph;
import dev.signalbus.quarkus.runtime.ExecutionModel;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A valid subscriber method and its invoker. Ordered by topic and target so that the recorded bytecode is stable.
 */
final class SubscriberMethodBuildItem extends MultiBuildItem implements Comparable<SubscriberMethodBuildItem> {

    final TopicGraph.Subscriber subscriber;
    final ExecutionModel executionModel;
    final InvokerInfo invoker;

    SubscriberMethodBuildItem(TopicGraph.Subscriber subscriber, ExecutionModel executionModel, InvokerInfo invoker) {
        this.subscriber = subscriber;
        this.executionModel = executionModel;
        this.invoker = invoker;
    }

    @Override
    public int compareTo(SubscriberMethodBuildItem other) {
        int byTopic = subscriber.topic().compareTo(other.subscriber.topic());
        return byTopic != 0 ? byTopic : subscriber.method().target().compareTo(other.subscriber.method().target());
    }
}
