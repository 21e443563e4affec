package dev.signalbus.quarkus.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import jakarta.enterprise.invoke.Invoker;

import dev.signalbus.engine.SubscriberInvoker;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.virtual.threads.VirtualThreadsRecorder;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * Calls one subscriber or periodic method through its ArC invoker, on the thread its execution model asks for, in a
 * fresh request context. A result that completes later ({@code CompletionStage}, {@code Uni}) is returned as a
 * {@code CompletionStage}, so the engine counts the delivery as finished only when it completes; the request context
 * lives until then.
 */
final class ArcMethodCall implements SubscriberInvoker, Callable<Object> {

    private final Invokers invokers;
    private final int invokerIndex;
    /** Created on the first call (see {@link Invokers}); an invoker is stateless, two racing calls may both create one. */
    private volatile Invoker<Object, Object> invoker;
    private final int parameterCount;
    private final int signalIndex;
    private final ExecutionModel executionModel;
    private final Vertx vertx;

    ArcMethodCall(Invokers invokers, int invokerIndex, int parameterCount, int signalIndex, ExecutionModel executionModel,
            Vertx vertx) {
        this.invokers = invokers;
        this.invokerIndex = invokerIndex;
        this.parameterCount = parameterCount;
        this.signalIndex = signalIndex;
        this.executionModel = executionModel;
        this.vertx = vertx;
    }

    private Invoker<Object, Object> invoker() {
        Invoker<Object, Object> created = invoker;
        if (created == null) {
            created = invokers.create(invokerIndex);
            invoker = created;
        }
        return created;
    }

    /** A periodic run: every parameter is looked up. */
    @Override
    public Object call() throws Exception {
        try {
            return invoke(null);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public Object invoke(Object signal) throws Throwable {
        Object[] arguments = new Object[parameterCount];
        if (signalIndex >= 0) {
            arguments[signalIndex] = signal;
        }
        switch (executionModel) {
            case VIRTUAL_THREAD:
                return onVirtualThread(arguments);
            case NON_BLOCKING:
                return onEventLoop(arguments);
            default:
                // the engine already runs deliveries on the Quarkus worker pool
                return callInRequestContext(arguments);
        }
    }

    private CompletionStage<Object> onVirtualThread(Object[] arguments) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        // On Java 17 Quarkus falls back to worker threads here (and says so in its log).
        VirtualThreadsRecorder.getCurrent().execute(new Runnable() {
            @Override
            public void run() {
                callAndComplete(arguments, done);
            }
        });
        return done;
    }

    private CompletionStage<Object> onEventLoop(Object[] arguments) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        // A fresh duplicated context per delivery, as Quarkus does for every non-blocking entry point: it carries the
        // request context and marks the call as running on an event loop (BlockingOperationControl says so too).
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(new Handler<Void>() {
            @Override
            public void handle(Void ignored) {
                callAndComplete(arguments, done);
            }
        });
        return done;
    }

    private void callAndComplete(Object[] arguments, CompletableFuture<Object> done) {
        try {
            Object result = callInRequestContext(arguments);
            if (result instanceof CompletionStage<?> stage) {
                stage.whenComplete(new BiConsumer<Object, Throwable>() {
                    @Override
                    public void accept(Object value, Throwable failure) {
                        if (failure != null) {
                            done.completeExceptionally(failure);
                        } else {
                            done.complete(value);
                        }
                    }
                });
            } else {
                done.complete(result);
            }
        } catch (Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private Object callInRequestContext(Object[] arguments) throws Exception {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            // a quarkus-scheduler job run already activated a fresh request context for this run
            return asStage(invoker().invoke(null, arguments));
        }
        ContextState state = requestContext.activate();
        Object result;
        try {
            result = asStage(invoker().invoke(null, arguments));
        } catch (Exception | Error e) {
            requestContext.terminate();
            throw e;
        }
        if (result instanceof CompletionStage<?> stage) {
            requestContext.deactivate();
            return stage.whenComplete(new BiConsumer<Object, Throwable>() {
                @Override
                public void accept(Object value, Throwable failure) {
                    requestContext.destroy(state);
                }
            });
        }
        requestContext.terminate();
        return result;
    }

    private static Object asStage(Object result) {
        if (result instanceof Uni<?> uni) {
            return uni.subscribeAsCompletionStage();
        }
        return result;
    }
}
