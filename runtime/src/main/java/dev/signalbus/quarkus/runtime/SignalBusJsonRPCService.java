package dev.signalbus.quarkus.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;
import dev.signalbus.engine.SignalBusEngine;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON-RPC methods behind the Signal Bus card of the Dev UI (dev mode only; registered by the deployment module):
 * live counts and queue depths per subscriber, the latest failures, the periodic tasks with their last and next run,
 * and publishing a signal given as JSON. Internal.
 * <p>
 * The latest failures are the last {@value #MAX_FAILURES} {@link SignalFailure} events of the application, kept here
 * in a small ring from the first failure on (this bean observes the event, so the container creates it then).
 */
@ApplicationScoped
public class SignalBusJsonRPCService {

    private static final QuarkusLog LOG = QuarkusLog.of(SignalBusJsonRPCService.class);
    /** How many failures the card shows, the most recent first. */
    static final int MAX_FAILURES = 20;
    private static final String JACKSON = "com.fasterxml.jackson.databind.ObjectMapper";

    private final ArrayDeque<JsonObject> failures = new ArrayDeque<>(MAX_FAILURES);

    @Inject
    SignalBusLifecycle lifecycle;

    @Inject
    SignalBus bus;

    @Inject
    Instance<Scheduler> scheduler;

    void onFailure(@Observes SignalFailure failure) {
        JsonObject entry = new JsonObject()
                .put("time", Instant.now().toString())
                .put("topic", failure.topic() == null ? "" : failure.topic())
                .put("target", failure.target())
                .put("signal", describe(failure.signal()))
                .put("error", failure.failure() == null ? ""
                        : failure.failure().getClass().getName() + ": " + failure.failure().getMessage());
        synchronized (failures) {
            if (failures.size() == MAX_FAILURES) {
                failures.removeLast();
            }
            failures.addFirst(entry);
        }
    }

    /**
     * Everything the live page shows: {@code phase}, {@code subscribers} (topic, subscriber, signalType, delivered,
     * failed, queueDepth), {@code failures} (most recent first) and {@code periodicTasks} (task, lastRun, nextRun; ISO
     * instants, empty when unknown).
     */
    public JsonObject getLive() {
        JsonObject live = new JsonObject();
        SignalBusEngine engine = lifecycle.engine();
        JsonArray subscribers = new JsonArray();
        JsonArray periodics = new JsonArray();
        live.put("phase", engine == null ? "NEW" : engine.phase().name());
        if (engine != null) {
            Map<String, Long> delivered = engine.delivered();
            Map<String, Long> failed = engine.failed();
            Map<String, Integer> depths = engine.queueDepths();
            for (Map.Entry<String, Long> entry : delivered.entrySet()) {
                String key = entry.getKey();
                int arrow = key.indexOf(" -> ");
                String topic = key.substring(0, arrow);
                Class<?> type = engine.signalType(topic);
                subscribers.add(new JsonObject()
                        .put("topic", topic)
                        .put("subscriber", key.substring(arrow + 4))
                        .put("signalType", type == null ? "" : type.getName())
                        .put("delivered", entry.getValue())
                        .put("failed", failed.getOrDefault(key, 0L))
                        .put("queueDepth", depths.getOrDefault(key, 0)));
            }
            for (Map.Entry<String, Instant> entry : engine.periodicLastRuns().entrySet()) {
                Trigger trigger = trigger(entry.getKey());
                Instant last = entry.getValue();
                Instant next = trigger == null ? null : trigger.getNextFireTime();
                periodics.add(new JsonObject()
                        .put("task", entry.getKey())
                        .put("lastRun", last == null ? "" : last.toString())
                        .put("nextRun", next == null ? "" : next.toString()));
            }
        }
        live.put("subscribers", subscribers);
        live.put("periodicTasks", periodics);
        live.put("failures", getFailures());
        return live;
    }

    /** The latest failures, most recent first: time, topic, target, signal (abbreviated), error. */
    public JsonArray getFailures() {
        List<JsonObject> copy;
        synchronized (failures) {
            copy = new ArrayList<>(failures);
        }
        return new JsonArray(new ArrayList<Object>(copy));
    }

    /**
     * Publishes a signal to {@code topic}: {@code json} is read into the signal type the topic's subscribers declare,
     * with Jackson when the application has it; a {@code String} topic also takes plain text. Answers
     * {@code {"success": true|false, "message": ...}}; never throws.
     */
    public JsonObject publish(String topic, String json) {
        SignalBusEngine engine = lifecycle.engine();
        if (topic == null || topic.isBlank()) {
            return result(false, "Give a topic");
        }
        if (engine == null) {
            return result(false, "The Signal Bus has not been created yet");
        }
        Class<?> type = engine.signalType(topic);
        if (type == null) {
            return result(false, "Topic '" + topic + "' has no subscribers in this application");
        }
        Object signal;
        try {
            signal = read(json == null ? "" : json, type);
        } catch (IllegalArgumentException e) {
            return result(false, "Cannot read the signal of topic '" + topic + "' (" + type.getName() + "): "
                    + e.getMessage());
        }
        try {
            bus.publish(topic, signal);
        } catch (RuntimeException e) {
            return result(false, "Publishing to '" + topic + "' failed: " + e);
        }
        LOG.publishedFromDevUi(topic);
        return result(true, "Published a " + type.getName() + " to topic '" + topic + "'");
    }

    /** @throws IllegalArgumentException with a message for the user */
    static Object read(String json, Class<?> type) {
        String text = json.trim();
        if (type == String.class) {
            if (text.startsWith("\"")) {
                try {
                    Object value = Json.decodeValue(text);
                    if (value instanceof String string) {
                        return string;
                    }
                } catch (DecodeException e) {
                    throw new IllegalArgumentException("not a JSON string: " + e.getMessage());
                }
            }
            return json; // plain text
        }
        if (!jacksonPresent()) {
            throw new IllegalArgumentException("reading JSON into " + type.getName()
                    + " needs Jackson (com.fasterxml.jackson.core:jackson-databind, e.g. through quarkus-jackson);"
                    + " without it only topics of type String can be published from the Dev UI");
        }
        return JacksonReader.read(text, type);
    }

    private static boolean jacksonPresent() {
        try {
            Class.forName(JACKSON, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private Trigger trigger(String task) {
        if (!scheduler.isResolvable()) {
            return null;
        }
        Scheduler s = scheduler.get();
        return s.isStarted() ? s.getScheduledJob(task) : null;
    }

    private static JsonObject result(boolean success, String message) {
        return new JsonObject().put("success", success).put("message", message);
    }

    /** The signal's {@code toString()}, at most 200 characters; a failing {@code toString()} must not lose the entry. */
    private static String describe(Object signal) {
        if (signal == null) {
            return "";
        }
        String text;
        try {
            text = String.valueOf(signal);
        } catch (RuntimeException | LinkageError e) {
            text = signal.getClass().getName() + " (toString() failed: " + e + ")";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Loaded only when Jackson is there. */
    private static final class JacksonReader {

        static Object read(String json, Class<?> type) {
            com.fasterxml.jackson.databind.ObjectMapper mapper = null;
            if (Arc.container() != null) {
                InstanceHandle<com.fasterxml.jackson.databind.ObjectMapper> handle = Arc.container()
                        .instance(com.fasterxml.jackson.databind.ObjectMapper.class);
                if (handle.isAvailable()) {
                    mapper = handle.get();
                }
            }
            if (mapper == null) {
                mapper = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
            }
            try {
                return mapper.readValue(json, type);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e.getOriginalMessage());
            }
        }
    }
}
