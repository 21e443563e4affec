package dev.signalbus.benchmarks;

import java.util.concurrent.ExecutorService;

import dev.signalbus.engine.SignalBusEngine;
import dev.signalbus.engine.SubscriberSpec;

/**
 * The Signal Bus engine without a container: what the CDI and Quarkus front doors build, with
 * plain lambdas as invokers (no bean lookup, no request context). Default settings (queues of
 * 10,000), concurrency 1 per subscriber.
 */
final class SignalBusEnginePeer implements Peer {

    static final String TOPIC = "bench";

    private final ExecutorService pool;
    private final SignalBusEngine engine;

    SignalBusEnginePeer(int subscribers, int threads, Delivery delivery) {
        pool = Pools.fixed("signal-bus-engine", threads);
        SignalBusEngine.Builder builder = SignalBusEngine.builder().executor(pool);
        for (int i = 0; i < subscribers; i++) {
            int subscriber = i;
            builder.subscriber(SubscriberSpec.of(TOPIC, "Subscriber#on" + i, Payload.class, 1, signal -> {
                delivery.delivered(subscriber, (Payload) signal);
                return null;
            }));
        }
        engine = builder.build();
        engine.start();
    }

    @Override
    public void publish(Payload payload) {
        engine.publish(TOPIC, payload);
    }

    @Override
    public void close() {
        engine.shutdown();
        Pools.stop(pool);
    }
}
