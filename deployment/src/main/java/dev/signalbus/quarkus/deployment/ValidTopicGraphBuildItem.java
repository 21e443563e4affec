package dev.signalbus.quarkus.deployment;

import java.util.Map;

import dev.signalbus.model.MethodModel;
import dev.signalbus.model.TopicGraph;
import dev.signalbus.quarkus.runtime.ExecutionModel;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The topic graph of a build without Signal Bus problems, with the bean method and execution model of each of its
 * methods: what the invokers are made from. A failing build has a {@link SignalBusProblemsBuildItem} instead.
 */
final class ValidTopicGraphBuildItem extends SimpleBuildItem {

    final TopicGraph graph;
    final Map<MethodModel, DiscoveredMethodsBuildItem.BeanMethod> methods;
    final Map<MethodModel, ExecutionModel> executionModels;

    ValidTopicGraphBuildItem(TopicGraph graph, Map<MethodModel, DiscoveredMethodsBuildItem.BeanMethod> methods,
            Map<MethodModel, ExecutionModel> executionModels) {
        this.graph = graph;
        this.methods = methods;
        this.executionModels = executionModels;
    }
}
