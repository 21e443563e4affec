package dev.signalbus.engine;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.enterprise.event.TransactionPhase;

import dev.signalbus.SignalBus;
import dev.signalbus.SignalFailure;

/**
 * The engine shared by both front doors: topics, one bounded queue per subscriber, dispatch as
 * tasks on an executor, periodic runs, and the drain. Plain Java, no container types.
 * <p>
 * Life cycle: {@link #builder()} ... {@code build()} (publishing is accepted from then on and kept
 * until start), {@link #start()}, {@link #shutdown()} (drains; publishing throws afterwards).
 * <pre>{@code
 * SignalBusEngine engine = SignalBusEngine.builder()
 *         .executor(executor)
 *         .subscriber(SubscriberSpec.of("greetings", "Demo#hello", String.class, 1,
 *                 signal -> { System.out.println(signal); return null; }))
 *         .build();
 * engine.start();
 * engine.publish("greetings", "Hello");
 * engine.shutdown();
 * }</pre>
 */
public final class SignalBusEngine implements SignalBus {

    private static final BusLog LOG = BusLog.of(SignalBusEngine.class);

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int DRAINING = 2;
    private static final int STOPPED = 3;

    private final BusConfig config;
    private final BooleanSupplier blockingAllowed;
    private final Failures failures;
    final Pending pending = new Pending();
    private final RoomWaits roomWaits = new RoomWaits();
    /** What the mailboxes and periodic tasks see of this engine. */
    private final Host host = new Host();
    /**
     * The most topic names counted one by one as unrouted; signals to further topics without
     * subscribers are counted together: topics named at run time ({@link #publish}) must not grow
     * the heap without bound.
     */
    public static final int MAX_UNROUTED_TOPICS = 1000;

    /** Built once: publishing looks up one array per topic and resolves nothing else. */
    private final Map<String, Mailbox[]> topics;
    /**
     * The local subscribers of each topic that receives from a broker ({@link #receive}); a
     * local publish to such a topic goes to its outgoing channel instead, if it has one.
     */
    private final Map<String, Mailbox[]> inbound;
    /** For {@link #signalType}: the first local subscriber's signal type of each topic. */
    private final Map<String, Class<?>> signalTypes;
    private final List<Mailbox> mailboxes;
    private final List<Periodic> periodics;
    private final PeriodicScheduler scheduler;
    private final Map<String, Unrouted> unrouted = new ConcurrentHashMap<>();
    private final Unrouted unroutedOther = new Unrouted(null);
    /** {@code null} without metrics: then no call site measures anything. */
    private final BusMetrics metrics;
    /** {@code null} without tracing: then nothing travels with a signal. */
    private final BusTracing tracing;
    /** Whether deliveries record their start, for {@link #stuckDeliveries()}. */
    private final boolean watched;
    /** Results of async publishers not yet completed. */
    private final TopicCounts asyncResults = new TopicCounts();
    /** Signals held until a phase of their transaction. */
    private final TopicCounts held = new TopicCounts();
    private final TransactionSupport transactions;
    /** Topics whose signals also come from a broker, through {@link #receive}. */
    private final Set<String> incoming;
    private volatile int state = NEW;
    /** Set by the first {@link #shutdown()}; completed with its report. */
    private CompletableFuture<DrainReport> drained;
    /**
     * The bus's own thread for delivery tasks the executor refuses while the bus drains (an
     * application server may stop its managed executors taking work before it stops the
     * application: WildFly suspends them); created then, shut down when the drain ends.
     */
    private ExecutorService drainFallback;

    private SignalBusEngine(Builder builder) {
        this.config = builder.config;
        this.blockingAllowed = builder.blockingAllowed;
        this.failures = new Failures(builder.failureHandler);
        this.scheduler = builder.scheduler;
        this.transactions = builder.transactions;
        this.metrics = builder.metrics == BusMetrics.NONE ? null : builder.metrics;
        this.watched = builder.watchDeliveries;
        this.tracing = builder.tracing == BusTracing.NONE ? null : builder.tracing;
        this.incoming = Set.copyOf(builder.incoming);
        Map<String, List<Mailbox>> byTopic = new LinkedHashMap<>();
        Map<String, List<Mailbox>> sinks = new LinkedHashMap<>();
        Map<String, BusMetrics.Topic> topicMetrics = new HashMap<>();
        List<Mailbox> all = new ArrayList<>();
        for (SubscriberSpec spec : builder.subscribers) {
            BusMetrics.Topic topic = metrics == null ? null
                    : topicMetrics.computeIfAbsent(spec.topic(), metrics::topic);
            Mailbox mailbox = new Mailbox(spec, config.queueCapacity(spec.topic()), host, builder.executor, topic,
                    metrics, watched);
            (builder.outgoing.contains(spec) ? sinks : byTopic).computeIfAbsent(spec.topic(), t -> new ArrayList<>())
                    .add(mailbox);
            all.add(mailbox);
        }
        Map<String, Mailbox[]> topics = new HashMap<>();
        Map<String, Mailbox[]> inbound = new HashMap<>();
        byTopic.forEach((topic, list) -> {
            if (incoming.contains(topic)) {
                inbound.put(topic, list.toArray(new Mailbox[0]));
            }
        });
        // a local publish: to the outgoing channel only if the topic comes back in from the broker
        // (its local subscribers get it then, once), else to the local subscribers and the channel
        Set<String> published = new HashSet<>(byTopic.keySet());
        published.addAll(sinks.keySet());
        for (String topic : published) {
            List<Mailbox> targets = new ArrayList<>(sinks.getOrDefault(topic, List.of()));
            if (targets.isEmpty() || !incoming.contains(topic)) {
                targets.addAll(0, byTopic.getOrDefault(topic, List.of()));
            }
            topics.put(topic, targets.toArray(new Mailbox[0]));
        }
        this.topics = topics;
        this.inbound = inbound;
        Map<String, Class<?>> signalTypes = new HashMap<>();
        // the local subscribers' (a topic's outgoing channel takes any object)
        byTopic.forEach((topic, list) -> signalTypes.put(topic, list.get(0).spec.signalType()));
        this.signalTypes = Map.copyOf(signalTypes);
        this.mailboxes = List.copyOf(all);
        List<Periodic> periodics = new ArrayList<>();
        for (PeriodicSpec spec : builder.periodics) {
            periodics.add(new Periodic(spec, host, metrics));
        }
        this.periodics = List.copyOf(periodics);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts delivering (including what was published before) and schedules periodic tasks. */
    public synchronized void start() {
        if (state != NEW) {
            throw new IllegalStateException("Signal Bus was already started");
        }
        state = RUNNING;
        for (Mailbox mailbox : mailboxes) {
            mailbox.wakeIfQueued();
        }
        for (Periodic periodic : periodics) {
            periodic.schedule(scheduler);
        }
        LOG.started(mailboxes.size(), topics.size(), periodics.size());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    @Override
    public void publish(String topic, Object signal) {
        publish(topic, signal, TransactionPhase.AFTER_SUCCESS, null);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    @Override
    public void publish(String topic, Object signal, TransactionPhase during) {
        publish(topic, signal, during, null);
    }

    /**
     * Publishes as {@link #publish(String, Object, TransactionPhase)} on behalf of a publisher method,
     * named in the {@code SignalFailure} of a held signal that cannot be published when its phase
     * comes.
     *
     * @param publisher the {@code @Publishes} method, or {@code null} for {@code SignalBus#publish}
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    public void publish(String topic, Object signal, TransactionPhase during, Method publisher) {
        Objects.requireNonNull(topic, "topic");
        if (signal instanceof Optional<?> optional) {
            signal = optional.orElse(null);
        }
        if (signal == null) {
            checkNotBlank(topic);
            return;
        }
        if (during != TransactionPhase.IN_PROGRESS && transactions.active()
                && hold(topic, signal, during, publisher)) {
            return;
        }
        publishNow(topic, signal);
    }

    /** @return {@code true} if the signal is held until {@code during} of the active transaction */
    private boolean hold(String topic, Object signal, TransactionPhase during, Method publisher) {
        checkNotBlank(topic); // refused now, not when the transaction completes
        // pending work from now on: a drain waits for the transaction (within shutdown-timeout)
        if (!pending.tryIncrement()) {
            throw stoppedException(topic);
        }
        held.add(topic);
        boolean holding = false;
        try {
            holding = transactions.hold(during, new HeldSignal(this, topic, signal, publisher));
            return holding;
        } finally {
            if (!holding) {
                held.remove(topic);
                pending.decrement();
            }
        }
    }

    /** A held signal's phase came: published now; a failure is reported, never thrown. */
    void releaseHeld(HeldSignal signal) {
        try {
            held.remove(signal.topic());
            publishNow(signal.topic(), signal.signal());
        } catch (RuntimeException e) {
            failures.reportHeld(signal.topic(), signal.publisher(), signal.signal(), e);
        } finally {
            pending.decrement();
        }
    }

    /** A held signal's phase will never come (e.g. a rollback for AFTER_SUCCESS): nothing is published. */
    void dropHeld(HeldSignal signal) {
        held.remove(signal.topic());
        pending.decrement();
        LOG.debugf("A signal of topic '%s' held by %s until its transaction's phase was dropped: the phase never came",
                signal.topic(), signal.publisher());
    }

    private void publishNow(String topic, Object signal) {
        if (signal instanceof CompletionStage<?> stage) {
            publishLater(topic, stage);
            return;
        }
        Mailbox[] subscribers = topics.get(topic);
        if (subscribers == null) {
            checkNotBlank(topic); // here only: a blank topic never has subscribers
            if (pending.closed()) {
                throw stoppedException(topic);
            }
            unrouted(topic, signal);
            return;
        }
        // one unit of pending work per subscriber, registered in one step with the closed check: it
        // keeps the drain from declaring the bus idle before the signal is queued, and each queued
        // signal then holds its unit until its delivery is done; units not queued are given back
        if (!pending.tryAdd(subscribers.length)) {
            throw stoppedException(topic);
        }
        // one wrapper (time stamp, trace context) for all the topic's subscribers
        offerAll(subscribers, signal, metrics == null && tracing == null ? null
                : new Mailbox.Timed(signal, System.nanoTime(), tracing == null ? null : tracing.capture()));
        BusMetrics.Topic counts = subscribers[0].topicMetrics;
        if (counts != null) {
            counts.published();
        }
    }

    /**
     * Publishes a signal that came from outside this JVM (a broker's message) to the local
     * subscribers of {@code topic} only, never to its outgoing channel, and answers once each of
     * them has finished it: {@code answer} gets {@code null} if all succeeded, else the first
     * failure (a failure is also reported as a {@code SignalFailure}, as for any delivery). Waits
     * for room like {@link #publish}. A signal whose delivery a timed-out drain abandons is never
     * answered, so its message is not acknowledged and the broker delivers it again.
     *
     * @param topic a topic declared {@linkplain Builder#incoming(String) incoming}
     * @param signal an instance of {@link #receiveType(String)}
     * @param answer called once, on a delivering thread (or this one if the topic has no subscriber)
     * @throws IllegalStateException if the bus has stopped, or no room came within {@code publish-timeout}
     * @throws IllegalArgumentException if the topic was not declared incoming
     */
    public void receive(String topic, Object signal, Consumer<Throwable> answer) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(answer, "answer");
        Mailbox[] subscribers = inbound.get(topic);
        if (subscribers == null) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not receive from a broker");
        }
        if (!pending.tryAdd(subscribers.length)) {
            throw stoppedException(topic);
        }
        offerAll(subscribers, signal, new Mailbox.Timed(signal, System.nanoTime(),
                tracing == null ? null : tracing.capture(), new Receipt(subscribers.length, answer)));
        BusMetrics.Topic counts = subscribers[0].topicMetrics;
        if (counts != null) {
            counts.published();
        }
    }

    /**
     * Reports a failure that happened outside a delivery but on behalf of a topic (a broker's
     * message that cannot be read, a signal the broker refused): logged, then handed to the
     * failure handler (the {@code SignalFailure} event), as a subscriber's failure is.
     *
     * @param target what failed, e.g. {@code "incoming channel 'orders-in'"}
     */
    public void reportFailure(String topic, String target, Object signal, Throwable failure) {
        failures.reportPassOn(topic, target, signal, failure);
    }

    /**
     * The class a signal received from a broker for {@code topic} is read into: the most specific
     * of its local subscribers' signal types, the one every other accepts.
     *
     * @return {@code null} if the topic has no local subscriber, or if their types have no such
     *         common class (one could not be delivered to another)
     */
    public Class<?> receiveType(String topic) {
        Mailbox[] subscribers = inbound.get(topic);
        if (subscribers == null) {
            return null;
        }
        List<SubscriberSpec> specs = new ArrayList<>();
        for (Mailbox mailbox : subscribers) {
            specs.add(mailbox.spec);
        }
        return mostSpecific(specs); // once per incoming channel, when it is connected
    }

    /** @return the signal type every other of {@code specs} accepts, or {@code null} if none does */
    static Class<?> mostSpecific(List<SubscriberSpec> specs) {
        Class<?> type = null;
        for (SubscriberSpec spec : specs) {
            Class<?> next = spec.signalType();
            if (type == null || type.isAssignableFrom(next)) {
                type = next;
            } else if (!next.isAssignableFrom(type)) {
                return null;
            }
        }
        return type;
    }

    /**
     * All or nothing: a place is reserved in every subscriber's queue before the signal goes into
     * any, so a publisher told that a full queue refused its signal (and who may retry) has not
     * given it to the other subscribers either. A publisher that finds a queue full gives back the
     * places it holds, waits for room in that queue (one {@code publish-timeout} for the whole
     * publish) and starts over: it never holds a place while it waits, so publishers never wait
     * for each other in a cycle, and a drain that gives up finds no place held by a waiting one.
     * <p>
     * The publisher has registered one pending unit per subscriber; each signal queued keeps its
     * unit until delivered, and the units of the others are given back here, except those of
     * reservations a timed-out drain counted (and gave back) in its report.
     */
    private void offerAll(Mailbox[] subscribers, Object signal, Mailbox.Timed timed) {
        int n = subscribers.length;
        int reserved = 0;
        int counted = 0;
        long deadline = 0;
        // the queues in which no room can come for this publisher, which may then go beyond capacity
        boolean[] beyond = null;
        try {
            while (reserved < n) {
                Mailbox next = subscribers[reserved];
                if (next.room.tryReserve(beyond != null && beyond[reserved])) {
                    reserved++;
                    continue;
                }
                counted += unreserve(subscribers, reserved);
                int full = reserved;
                reserved = 0;
                long waited = next.room.awaitRoom(deadline);
                if (waited == Room.BEYOND) {
                    if (beyond == null) {
                        beyond = new boolean[n];
                    }
                    beyond[full] = true;
                } else {
                    deadline = waited;
                }
            }
        } catch (RuntimeException | Error e) {
            counted += unreserve(subscribers, reserved);
            pending.done(n - counted);
            throw e;
        }
        int queued = 0;
        try {
            for (; queued < n; queued++) {
                subscribers[queued].enqueue(signal, timed);
            }
        } finally {
            if (queued < n) {
                // only if an enqueue failed, which it does not short of an internal error
                int giveBack = 0;
                for (int i = queued; i < n; i++) {
                    if (subscribers[i].room.unreserve()) {
                        giveBack++;
                    }
                }
                pending.done(giveBack);
            }
        }
    }

    /**
     * Gives back the places reserved in the first {@code count} queues.
     *
     * @return how many of them a timed-out drain had counted meanwhile
     */
    private static int unreserve(Mailbox[] subscribers, int count) {
        int counted = 0;
        for (int i = 0; i < count; i++) {
            if (!subscribers[i].room.unreserve()) {
                counted++;
            }
        }
        return counted;
    }

    private void publishLater(String topic, CompletionStage<?> stage) {
        checkNotBlank(topic);
        if (!pending.tryIncrement()) {
            throw stoppedException(topic);
        }
        asyncResults.add(topic);
        stage.whenComplete((value, failure) -> {
            try {
                if (failure == null) {
                    // the publisher's transaction, if any, is long gone: its result is published now
                    publish(topic, value, TransactionPhase.IN_PROGRESS, null);
                }
            } catch (RuntimeException e) {
                // nobody is left to receive this exception: the publisher returned long ago
                LOG.asyncResultNotPublished(e, topic);
            } finally {
                // after the publish: a drain that times out meanwhile still counts this result
                asyncResults.remove(topic);
                pending.decrement();
            }
        });
    }

    private void unrouted(String topic, Object signal) {
        Unrouted counter = unrouted.get(topic);
        if (counter == null) {
            if (unrouted.size() >= MAX_UNROUTED_TOPICS) {
                unroutedOther.count(this, BusMetrics.OTHER_TOPICS);
                return;
            }
            counter = unrouted.computeIfAbsent(topic, t -> new Unrouted(metrics == null ? null : metrics.topic(t)));
            LOG.debugf("Topic '%s' has no subscriber; its signals are counted as unrouted (first: %s)", topic,
                    signal.getClass().getName());
            if (unrouted.size() == MAX_UNROUTED_TOPICS) {
                LOG.tooManyUnroutedTopics(MAX_UNROUTED_TOPICS);
            }
        }
        counter.count(this, topic);
    }

    /**
     * Signals published to one topic without subscribers (or to all topics beyond the bound), with
     * the topic's metrics handle; the bound on these counters bounds the handles (and tag values).
     */
    private static final class Unrouted extends LongAdder {

        private static final long serialVersionUID = 1L;
        private transient volatile BusMetrics.Topic metrics;

        Unrouted(BusMetrics.Topic metrics) {
            this.metrics = metrics;
        }

        void count(SignalBusEngine engine, String topic) {
            increment();
            if (engine.metrics != null) {
                BusMetrics.Topic handle = metrics;
                if (handle == null) {
                    // only the shared counter beyond the bound gets its handle late, at its first signal
                    synchronized (this) {
                        handle = metrics;
                        if (handle == null) {
                            handle = engine.metrics.topic(topic);
                            metrics = handle;
                        }
                    }
                }
                handle.published();
                handle.unrouted();
            }
        }
    }

    private static void checkNotBlank(String topic) {
        if (topic.isBlank()) {
            throw new IllegalArgumentException("Signal Bus cannot publish to a blank topic ('" + topic
                    + "'): name the topic, e.g. publish(\"orders\", order)");
        }
    }

    private IllegalStateException stoppedException(String topic) {
        return new IllegalStateException("Signal Bus has stopped (the application is shutting down): "
                + "cannot publish to topic '" + topic + "'");
    }

    /** {@inheritDoc} Any duration: one too long for nanoseconds waits as if without end. */
    @Override
    public boolean awaitIdle(Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        try {
            return pending.awaitZero(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Drains: stops periodic tasks (running ones finish), delivers everything queued, including
     * signals published while draining, within the shutdown timeout; then stops. Idempotent.
     */
    public DrainReport shutdown() {
        CompletableFuture<DrainReport> earlier;
        CompletableFuture<DrainReport> mine = new CompletableFuture<>();
        synchronized (this) {
            earlier = drained;
            if (earlier == null) {
                drained = mine;
                state = DRAINING;
            }
        }
        if (earlier != null) {
            // a concurrent or later call: one drain only, and every caller gets its report
            return earlier.join();
        }
        try {
            DrainReport report = drain();
            mine.complete(report);
            return report;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private DrainReport drain() {
        long start = System.nanoTime();
        long deadline = start + config.shutdownTimeout().toNanos();
        for (Periodic periodic : periodics) {
            periodic.cancel();
        }
        for (Mailbox mailbox : mailboxes) {
            mailbox.wakeIfQueued(); // partial batches are due now
        }
        boolean complete = false;
        while (true) {
            if (!awaitIdleUntil(deadline)) {
                break;
            }
            // closing succeeds only if still idle: a publish that came in meanwhile keeps us draining
            // (never a temporary "stopped" that would refuse a chained publish or lie to a publisher)
            if (pending.closeIfIdle()) {
                complete = true;
                break;
            }
        }
        pending.close();
        state = STOPPED;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> undelivered = new LinkedHashMap<>();
        Map<String, Long> refused = new LinkedHashMap<>();
        for (Mailbox mailbox : mailboxes) {
            long count = mailbox.room.refusedWhileDraining.sum();
            if (count > 0) {
                refused.put(mailbox.spec.topic() + " -> " + mailbox.spec.target(), count);
            }
        }
        if (!complete) {
            for (Mailbox mailbox : mailboxes) {
                long left = mailbox.discard();
                if (left > 0) {
                    undelivered.put(mailbox.spec.topic() + " -> " + mailbox.spec.target(), left);
                }
            }
            for (Periodic periodic : periodics) {
                if (periodic.running()) {
                    undelivered.put("periodic task " + periodic.spec.target(), 1L);
                }
            }
            asyncResults.forEach((topic, count) -> undelivered.put("async publisher results for topic '" + topic
                    + "' not completed", count));
            held.forEach((topic, count) -> undelivered.put("signals of topic '" + topic
                    + "' held until their transaction completes", count));
            // "stops its workers": the deliveries and runs still going may hold threads of a pool the
            // bus does not own (Quarkus would wait for them), so they are interrupted here
            int interrupted = 0;
            for (Mailbox mailbox : mailboxes) {
                interrupted += mailbox.dispatch.interruptRunning();
            }
            for (Periodic periodic : periodics) {
                interrupted += periodic.interruptRunning();
            }
            LOG.notDrained(config.shutdownTimeout(), undelivered, interrupted);
        } else if (refused.isEmpty()) {
            LOG.drained(took);
        }
        if (!refused.isEmpty()) {
            LOG.refusedWhileDraining(refused);
        }
        synchronized (this) {
            if (drainFallback != null) {
                drainFallback.shutdown(); // its thread ends once a task still running returns
            }
        }
        if (metrics != null) {
            try {
                metrics.close();
            } catch (RuntimeException e) {
                LOG.metricsNotRemoved(e);
            }
        }
        return new DrainReport(complete && refused.isEmpty(), Map.copyOf(undelivered), Map.copyOf(refused), took);
    }

    /**
     * Like {@link #awaitIdle}, but an interrupt does not cut the drain short (a container's
     * shutdown thread may carry one; giving up would discard every queue): the drain has its own
     * deadline, the shutdown timeout. The interrupt is kept for the caller.
     */
    private boolean awaitIdleUntil(long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.awaitZero(deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link MailboxHost#deliverOnFallback}: the drain thread per slot, made when first needed. */
    private boolean deliverOnFallback(Runnable task) {
        ExecutorService fallback;
        synchronized (this) {
            if (state != DRAINING) {
                return false;
            }
            if (drainFallback == null) {
                // a thread per slot (the sum of the subscribers' concurrency), not one for all: a
                // delivery that publishes into a full queue must not wait for that queue's task
                // queued behind itself. Every running task holds a slot, so a queued one waits only
                // for a task that is handing its slot over; idle threads end after a few seconds.
                int slots = 0;
                for (Mailbox mailbox : mailboxes) {
                    slots += mailbox.spec.concurrency();
                }
                ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.max(slots, 1), Math.max(slots, 1), 5,
                        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                            Thread thread = new Thread(runnable, "signal-bus-drain");
                            thread.setDaemon(true);
                            return thread;
                        });
                pool.allowCoreThreadTimeOut(true);
                drainFallback = pool;
                LOG.drainOnOwnThreads();
            }
            fallback = drainFallback;
        }
        try {
            fallback.execute(task);
            return true;
        } catch (RuntimeException | Error e) {
            return false; // the drain has just ended, or no thread could be started
        }
    }

    /** Where the bus is in its life, for a readiness check. */
    public enum Phase {
        /** Built, not started: signals are kept, nothing is delivered yet. */
        NEW,
        /** Delivering. */
        RUNNING,
        /** {@link #shutdown()} is draining the queues. */
        DRAINING,
        /** Drained (or gave up): publishing throws. */
        STOPPED
    }

    /** Where the bus is in its life: ready to deliver only while {@link Phase#RUNNING}. */
    public Phase phase() {
        return switch (state) {
            case NEW -> Phase.NEW;
            case RUNNING -> Phase.RUNNING;
            case DRAINING -> Phase.DRAINING;
            default -> Phase.STOPPED;
        };
    }

    /**
     * The deliveries and periodic runs that have been running on a thread for longer than
     * {@link BusConfig#stuckDeliveryThreshold()}, one line each naming the subscriber
     * ({@code "com.acme.Foo#bar (topic 'orders') for PT6M2S"}) or periodic task; empty if none.
     * Deliveries are watched only if the engine was built with
     * {@link Builder#watchDeliveries(boolean)}; periodic runs always. A delivery that returned a
     * {@code CompletionStage} holds no thread while it waits and is not counted.
     */
    public List<String> stuckDeliveries() {
        long now = System.nanoTime();
        long threshold = config.stuckDeliveryThreshold().toNanos();
        List<String> stuck = new ArrayList<>();
        for (Mailbox mailbox : mailboxes) {
            long since = mailbox.dispatch.runningSince();
            if (since != 0 && now - since > threshold) {
                stuck.add(mailbox.spec.target() + " (topic '" + mailbox.spec.topic() + "') for "
                        + Duration.ofNanos(now - since).withNanos(0));
            }
        }
        for (Periodic periodic : periodics) {
            long since = periodic.runningSince();
            if (since != 0 && now - since > threshold) {
                stuck.add("periodic task " + periodic.spec.target() + " for "
                        + Duration.ofNanos(now - since).withNanos(0));
            }
        }
        return stuck;
    }

    /** Whether {@link #shutdown()} has begun to refuse new signals. */
    public boolean isStopped() {
        return state == STOPPED;
    }

    /**
     * Signals published to {@code topic} while it had no subscriber; 0 for a topic beyond the first
     * {@link #MAX_UNROUTED_TOPICS} without subscribers, whose signals {@link #unroutedTotal()} counts.
     */
    public long unrouted(String topic) {
        LongAdder counter = unrouted.get(topic);
        return counter == null ? 0 : counter.sum();
    }

    /** Signals published to topics without subscribers, all topics together. */
    public long unroutedTotal() {
        long total = unroutedOther.sum();
        for (LongAdder counter : unrouted.values()) {
            total += counter.sum();
        }
        return total;
    }

    /** How many topic names are counted one by one as unrouted; at most {@link #MAX_UNROUTED_TOPICS}. */
    int unroutedTopicsTracked() {
        return unrouted.size();
    }

    /** Signals delivered successfully to each subscriber so far, keyed {@code "topic -> target"}. */
    public Map<String, Long> delivered() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Mailbox mailbox : mailboxes) {
            result.put(mailbox.spec.topic() + " -> " + mailbox.spec.target(), mailbox.delivered.sum());
        }
        return result;
    }

    /** Signals whose delivery failed for each subscriber so far, keyed {@code "topic -> target"}. */
    public Map<String, Long> failed() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (Mailbox mailbox : mailboxes) {
            result.put(mailbox.spec.topic() + " -> " + mailbox.spec.target(), mailbox.failed.sum());
        }
        return result;
    }

    /** Signals waiting in each subscriber's queue now, keyed {@code "topic -> target"} like {@link #delivered()}. */
    public Map<String, Integer> queueDepths() {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Mailbox mailbox : mailboxes) {
            result.put(mailbox.spec.topic() + " -> " + mailbox.spec.target(), mailbox.queueDepth());
        }
        return result;
    }

    /**
     * The signal type the subscribers of {@code topic} declare (for a batch subscriber the element type), the first
     * subscriber's if they differ; {@code null} for a topic without subscribers.
     */
    public Class<?> signalType(String topic) {
        return signalTypes.get(topic);
    }

    /**
     * When each periodic task (by target, {@code "Class#method"}) last began a run, wall clock; the value is
     * {@code null} for a task that has not run yet.
     */
    public Map<String, Instant> periodicLastRuns() {
        Map<String, Instant> result = new LinkedHashMap<>();
        for (Periodic periodic : periodics) {
            long at = periodic.lastRunMillis();
            result.put(periodic.spec.target(), at == 0 ? null : Instant.ofEpochMilli(at));
        }
        return result;
    }

    boolean draining() {
        return state == DRAINING;
    }

    /**
     * The narrow view of this engine that its mailboxes and periodic tasks hold: where the bus is
     * in its life and what they share, never the engine itself.
     */
    private final class Host implements MailboxHost, PeriodicHost {

        @Override
        public boolean started() {
            return state != NEW;
        }

        @Override
        public boolean dispatching() {
            int s = state;
            return s == RUNNING || s == DRAINING;
        }

        @Override
        public boolean draining() {
            return SignalBusEngine.this.draining();
        }

        @Override
        public boolean stopped() {
            return state == STOPPED;
        }

        @Override
        public boolean running() {
            return state == RUNNING;
        }

        @Override
        public IllegalStateException stoppedException(String topic) {
            return SignalBusEngine.this.stoppedException(topic);
        }

        @Override
        public Duration publishTimeout() {
            return config.publishTimeout();
        }

        @Override
        public boolean blockingAllowed() {
            return blockingAllowed.getAsBoolean();
        }

        @Override
        public Pending pending() {
            return pending;
        }

        @Override
        public RoomWaits roomWaits() {
            return roomWaits;
        }

        @Override
        public Failures failures() {
            return failures;
        }

        @Override
        public BusTracing tracing() {
            return tracing;
        }

        @Override
        public boolean receives(String topic) {
            return incoming.contains(topic);
        }

        @Override
        public boolean stampsSignals() {
            return metrics != null || tracing != null;
        }

        @Override
        public boolean deliverOnFallback(Runnable task) {
            return SignalBusEngine.this.deliverOnFallback(task);
        }
    }

    /** Builds an engine. Every setter is optional except the executor. */
    public static final class Builder {
        BusConfig config = BusConfig.defaults();
        Executor executor;
        PeriodicScheduler scheduler;
        Consumer<SignalFailure> failureHandler = f -> {
        };
        BooleanSupplier blockingAllowed = () -> true;
        TransactionSupport transactions = TransactionSupport.NONE;
        BusMetrics metrics = BusMetrics.NONE;
        BusTracing tracing = BusTracing.NONE;
        boolean watchDeliveries;
        final List<SubscriberSpec> subscribers = new ArrayList<>();
        final List<PeriodicSpec> periodics = new ArrayList<>();
        /** Identity: two specs may be equal records. */
        final Set<SubscriberSpec> outgoing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final Set<String> incoming = new HashSet<>();

        public Builder config(BusConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        /** Runs deliveries; the container's managed executor. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /** Schedules periodic tasks; required only if there are some. */
        public Builder scheduler(PeriodicScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler);
            return this;
        }

        /** Called on the delivering thread after a failure was logged, e.g. to fire a CDI event. */
        public Builder failureHandler(Consumer<SignalFailure> failureHandler) {
            this.failureHandler = Objects.requireNonNull(failureHandler);
            return this;
        }

        /**
         * Tells whether the calling thread may block; a publisher that may not (an event loop) gets
         * an exception at once when a queue is full instead of waiting.
         */
        public Builder blockingAllowed(BooleanSupplier blockingAllowed) {
            this.blockingAllowed = Objects.requireNonNull(blockingAllowed);
            return this;
        }

        /**
         * Holds signals published inside a transaction until its phase ({@code AFTER_SUCCESS} by
         * default); without it every signal is published at once.
         */
        public Builder transactions(TransactionSupport transactions) {
            this.transactions = Objects.requireNonNull(transactions);
            return this;
        }

        /** Where the engine reports its counts and timings; {@link BusMetrics#NONE} (the default) measures nothing. */
        public Builder metrics(BusMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        /**
         * Where the engine starts a span per delivery and periodic run, with the publisher's context;
         * {@link BusTracing#NONE} (the default) traces nothing.
         */
        public Builder tracing(BusTracing tracing) {
            this.tracing = Objects.requireNonNull(tracing);
            return this;
        }

        /**
         * Whether each delivery records when it began, so that {@link SignalBusEngine#stuckDeliveries()}
         * can name one running too long (a liveness check needs it); off by default: it reads the
         * clock once per delivery.
         */
        public Builder watchDeliveries(boolean watch) {
            this.watchDeliveries = watch;
            return this;
        }

        public Builder subscriber(SubscriberSpec subscriber) {
            subscribers.add(Objects.requireNonNull(subscriber));
            return this;
        }

        public Builder periodic(PeriodicSpec periodic) {
            periodics.add(Objects.requireNonNull(periodic));
            return this;
        }

        /**
         * A subscriber that sends its topic's signals out of this JVM (a broker's outgoing channel):
         * it gets what is published here, never what {@link SignalBusEngine#receive} brings in.
         */
        public Builder outgoing(SubscriberSpec sink) {
            subscribers.add(Objects.requireNonNull(sink));
            outgoing.add(sink);
            return this;
        }

        /**
         * Declares that {@code topic}'s signals also come from a broker through
         * {@link SignalBusEngine#receive}; with an {@linkplain #outgoing outgoing} subscriber on the
         * same topic, a local publish then goes only to the broker and reaches the local
         * subscribers when it comes back.
         */
        public Builder incoming(String topic) {
            incoming.add(Objects.requireNonNull(topic));
            return this;
        }

        /**
         * What makes these settings and subscribers unusable together, checked once for both front
         * doors: the settings' own problems ({@link BusConfig#problems}) and a {@code @Batch} whose
         * {@code maxSize} exceeds its queue's capacity (it could never fill, and its publishers would
         * be refused while it waits). Also logs a warning for each per-topic setting that names a
         * topic no subscriber receives.
         *
         * @param configPrefix the front door's key prefix, e.g. {@code "signal-bus."}, for the messages
         * @return one message per problem, naming the key or {@code Class#method} and what to change
         */
        public List<String> problems(String configPrefix) {
            List<String> problems = new ArrayList<>(config.problems(configPrefix));
            Set<String> topics = new HashSet<>();
            Map<String, List<SubscriberSpec>> locals = new HashMap<>();
            for (SubscriberSpec spec : subscribers) {
                topics.add(spec.topic());
                if (!outgoing.contains(spec)) {
                    locals.computeIfAbsent(spec.topic(), t -> new ArrayList<>()).add(spec);
                }
                int capacity = config.queueCapacity(spec.topic());
                if (spec.batchMaxSize() > capacity) {
                    String key = config.topicQueueCapacity().containsKey(spec.topic())
                            ? configPrefix + "topics.\"" + spec.topic() + "\".queue-capacity"
                            : configPrefix + "queue-capacity";
                    problems.add(spec.target() + " has @Batch(maxSize = " + spec.batchMaxSize()
                            + "), but its queue for topic '" + spec.topic() + "' holds at most " + capacity + " signals ("
                            + key + "): the batch could never fill; lower maxSize to at most " + capacity
                            + " or raise " + key);
                }
            }
            for (String topic : new TreeSet<>(incoming)) {
                List<SubscriberSpec> receivers = locals.get(topic);
                String key = configPrefix + "topics.\"" + topic + "\".incoming";
                if (receivers == null) {
                    problems.add(key + " is set, but no @Subscribes method receives topic '" + topic + "' in this"
                            + " application: its messages would have nowhere to go; add a subscriber or remove "
                            + key);
                } else if (mostSpecific(receivers) == null) {
                    List<String> declared = new ArrayList<>();
                    for (SubscriberSpec receiver : receivers) {
                        declared.add(receiver.target() + " (" + receiver.signalType().getName() + ")");
                    }
                    problems.add(key + " is set, but the subscribers of topic '" + topic + "' declare unrelated"
                            + " signal types: " + String.join(", ", declared) + "; a message is read into one class"
                            + " that every subscriber accepts: declare one type, or a type and its supertypes");
                }
            }
            for (String topic : new TreeSet<>(config.topicQueueCapacity().keySet())) {
                if (!topics.contains(topic)) {
                    LOG.queueCapacityUnused(configPrefix, topic);
                }
            }
            return problems;
        }

        /**
         * Builds the engine; publishing is accepted from now on, delivered from {@link #start()}.
         *
         * @throws IllegalArgumentException listing every one of {@link #problems} (keys prefixed
         *         {@code signal-bus.})
         */
        public SignalBusEngine build() {
            if (executor == null && !subscribers.isEmpty()) {
                throw new IllegalStateException("Signal Bus needs an executor to deliver signals");
            }
            if (scheduler == null && !periodics.isEmpty()) {
                throw new IllegalStateException("Signal Bus needs a scheduler for its periodic tasks");
            }
            List<String> problems = problems("signal-bus.");
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new SignalBusEngine(this);
        }
    }
}
