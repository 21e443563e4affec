package dev.signalbus.cdi;

import java.lang.reflect.Method;
import java.util.function.Consumer;

import jakarta.enterprise.event.TransactionPhase;

import dev.signalbus.engine.SignalBusEngine;
import io.smallrye.mutiny.Uni;

/**
 * A Mutiny {@code Uni} returned by a {@code @Publishes} method, as on Quarkus: the caller gets a
 * {@code Uni} that publishes its item when it emits one. Loaded only when Mutiny is on the class path.
 */
final class MutinyResults {

    private MutinyResults() {
    }

    static boolean isUni(Object result) {
        return result instanceof Uni<?>;
    }

    static Object publishingItem(Object result, SignalBusEngine engine, String topic, TransactionPhase during,
            Method publisher) {
        return ((Uni<?>) result).onItem().invoke(new Consumer<Object>() {
            @Override
            public void accept(Object item) {
                engine.publish(topic, item, during, publisher);
            }
        });
    }
}
