package dev.signalbus.quarkus.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.signalbus.model.TopicGraph;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import dev.signalbus.quarkus.runtime.SignalBusJsonRPCService;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.devui.spi.page.TableDataPageBuilder;

/**
 * The Signal Bus card of the Dev UI (dev mode only): the topic graph as the build found it, one table of subscribers
 * (topic, subscriber, signal type, concurrency, batch) and one of periodic tasks; and a live page
 * ({@code dev-ui/qwc-signal-bus-live.js}) whose data comes from the JSON-RPC methods of
 * {@link SignalBusJsonRPCService}: counts and queue depths per subscriber, the latest failures, the periodic tasks'
 * last and next runs, and a form to publish a signal.
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
        card.addPage(Page.webComponentPageBuilder().title("Live").icon("font-awesome-solid:signal")
                .componentLink("qwc-signal-bus-live.js"));
        table(card, "Subscribers", "font-awesome-solid:inbox", "subscribers",
                "The subscriber methods of the Signal Bus, by topic", subscribers);
        table(card, "Periodic tasks", "font-awesome-solid:clock", "periodicTasks",
                "The periodic tasks of the Signal Bus", periodics);
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(SignalBusJsonRPCService.class);
    }

    /** A page showing {@code rows} as a table, one column per key of the first row (all rows have the same keys). */
    private static void table(CardPageBuildItem card, String title, String icon, String key, String description,
            List<Map<String, Object>> rows) {
        card.addBuildTimeData(key, rows, description);
        TableDataPageBuilder page = Page.tableDataPageBuilder(title).icon(icon).staticLabel(String.valueOf(rows.size()))
                .buildTimeDataKey(key);
        if (!rows.isEmpty()) {
            for (String column : rows.get(0).keySet()) {
                page.showColumn(column);
            }
        }
        card.addPage(page);
    }
}
