package dev.signalbus.quarkus.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.signalbus.model.TopicGraph;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Signal Bus card of the Dev UI (dev mode only): the topic graph as the build found it, one table of subscribers
 * (topic, subscriber, signal type, concurrency, batch) and one of periodic tasks. Live counts, failures and a publish
 * form are not there yet.
 */
class SignalBusDevUIProcessor {

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card(List<SubscriberMethodBuildItem> subscriberMethods,
            List<PeriodicMethodBuildItem> periodicMethods) {
        List<SubscriberMethodBuildItem> sortedSubscribers = new ArrayList<>(subscriberMethods);
        Collections.sort(sortedSubscribers);
        List<Map<String, Object>> subscribers = new ArrayList<>();
        for (SubscriberMethodBuildItem item : sortedSubscribers) {
            TopicGraph.Subscriber subscriber = item.subscriber;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", subscriber.topic());
            row.put("subscriber", subscriber.method().target());
            row.put("signalType", subscriber.signalClass());
            row.put("concurrency", subscriber.concurrency());
            row.put("batch", subscriber.batchMaxSize() > 0
                    ? "maxSize " + subscriber.batchMaxSize() + ", maxWait " + subscriber.batchMaxWait()
                    : "");
            subscribers.add(row);
        }
        List<PeriodicMethodBuildItem> sortedPeriodics = new ArrayList<>(periodicMethods);
        Collections.sort(sortedPeriodics);
        List<Map<String, Object>> periodics = new ArrayList<>();
        for (PeriodicMethodBuildItem item : sortedPeriodics) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("task", item.periodic.method().target());
            row.put("every", item.periodic.every());
            row.put("delay", item.periodic.delay());
            periodics.add(row);
        }

        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("subscribers", subscribers, "The subscriber methods of the Signal Bus, by topic");
        card.addBuildTimeData("periodicTasks", periodics, "The periodic tasks of the Signal Bus");
        card.addPage(Page.tableDataPageBuilder("Subscribers")
                .icon("font-awesome-solid:inbox")
                .staticLabel(String.valueOf(subscribers.size()))
                .buildTimeDataKey("subscribers")
                .showColumn("topic")
                .showColumn("subscriber")
                .showColumn("signalType")
                .showColumn("concurrency")
                .showColumn("batch"));
        card.addPage(Page.tableDataPageBuilder("Periodic tasks")
                .icon("font-awesome-solid:clock")
                .staticLabel(String.valueOf(periodics.size()))
                .buildTimeDataKey("periodicTasks")
                .showColumn("task")
                .showColumn("every")
                .showColumn("delay"));
        return card;
    }
}
