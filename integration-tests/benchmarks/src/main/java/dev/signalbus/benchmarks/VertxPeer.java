package dev.signalbus.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.impl.VertxInternal;

/**
 * The Vert.x event bus with local consumers (what Quarkus {@code @ConsumeEvent} uses): {@code publish}
 * to {@code subscribers} consumers on {@code threads} event loops. As Quarkus does for each
 * {@code @ConsumeEvent} method (its {@code VertxEventBusConsumerRecorder}), every consumer is registered
 * from inside a new event-loop context of its own ({@code VertxInternal.createEventLoopContext()}), so that
 * it is delivered to on that context: the contexts take the event loops in turn, one loop each while there
 * are no more consumers than loops. (Registered from one thread outside Vert.x, they would all share that
 * thread's one context and event loop, and a published message would reach them one after the other.)
 * Payloads pass by reference through a local codec.
 */
final class VertxPeer implements Peer {

    static final String ADDRESS = "bench";

    private final Vertx vertx;
    private final EventBus bus;

    VertxPeer(int subscribers, int threads, Delivery delivery) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(threads).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        bus = vertx.eventBus();
        bus.registerDefaultCodec(Payload.class, new LocalCodec());
        List<Future<Void>> registered = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            int subscriber = i;
            Promise<Void> done = Promise.promise();
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            context.runOnContext(ignored -> bus.<Payload>localConsumer(ADDRESS,
                    message -> delivery.delivered(subscriber, message.body())).completionHandler(done));
            registered.add(done.future());
        }
        try {
            Future.all(registered).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Vert.x consumers did not register", e);
        }
    }

    @Override
    public void publish(Payload payload) {
        bus.publish(ADDRESS, payload);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Vert.x did not close", e);
        }
    }

    /** Local delivery only: the same instance reaches every consumer, as with the other peers. */
    private static final class LocalCodec implements MessageCodec<Payload, Payload> {
        @Override
        public void encodeToWire(Buffer buffer, Payload payload) {
            throw new UnsupportedOperationException("local only");
        }

        @Override
        public Payload decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("local only");
        }

        @Override
        public Payload transform(Payload payload) {
            return payload;
        }

        @Override
        public String name() {
            return "payload-local";
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
