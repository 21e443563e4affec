package dev.signalbus.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.spi.BeanManager;

import dev.signalbus.engine.BusLog;

/**
 * Where deliveries and periodic runs execute: the container's default managed executors when it
 * has Jakarta Concurrency, otherwise pools owned by the bus, shut down after the drain.
 */
final class BusExecutors {

    private static final BusLog LOG = BusLog.of(BusExecutors.class);
    private static final long KEEP_ALIVE_SECONDS = 30;
    private static final long TERMINATION_WAIT_SECONDS = 5;
    private static final long INTERRUPTED_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final List<ExecutorService> owned;
    private final List<NamedThreads> factories;

    private BusExecutors(Executor executor, ScheduledExecutorService scheduler, List<ExecutorService> owned,
            List<NamedThreads> factories) {
        this.executor = executor;
        this.scheduler = scheduler;
        this.owned = owned;
        this.factories = factories;
    }

    /**
     * @param deliveryThreads the most deliveries that can be in flight at once (the sum of every
     *        subscriber's concurrency); {@code 0} when there is no subscriber
     * @param periodicTasks how many periodic tasks there are
     */
    static BusExecutors create(BeanManager beanManager, int deliveryThreads, int periodicTasks) {
        Executor executor = null;
        ScheduledExecutorService scheduler = null;
        if (ManagedExecutors.isPresent()) {
            if (deliveryThreads > 0) {
                executor = ManagedExecutors.executor(beanManager);
            }
            if (periodicTasks > 0) {
                scheduler = ManagedExecutors.scheduler(beanManager);
            }
        }
        List<ExecutorService> owned = new ArrayList<>();
        List<NamedThreads> factories = new ArrayList<>();
        if (executor == null && deliveryThreads > 0) {
            NamedThreads threads = new NamedThreads("signal-bus-");
            factories.add(threads);
            // one thread per delivery that may be in flight, so that a slow subscriber never
            // waits for a thread held by another; idle threads time out
            ThreadPoolExecutor pool = new ThreadPoolExecutor(deliveryThreads, deliveryThreads, KEEP_ALIVE_SECONDS,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            pool.allowCoreThreadTimeOut(true);
            owned.add(pool);
            executor = pool;
        }
        if (scheduler == null && periodicTasks > 0) {
            // a run executes on a scheduler thread: one each, so that a long run delays no other task
            NamedThreads threads = new NamedThreads("signal-bus-periodic-");
            factories.add(threads);
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(periodicTasks, threads);
            pool.setRemoveOnCancelPolicy(true);
            owned.add(pool);
            scheduler = pool;
        }
        LOG.debugf("Signal Bus executors: deliveries on %s, periodic tasks on %s", executor, scheduler);
        return new BusExecutors(executor, scheduler, List.copyOf(owned), List.copyOf(factories));
    }

    /** Runs deliveries; {@code null} when there is no subscriber. */
    Executor executor() {
        return executor;
    }

    /** Runs periodic tasks; {@code null} when there is none. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Stops the pools the bus owns (never the container's).
     *
     * @param interrupt whether to interrupt deliveries still running (the drain timed out)
     */
    void shutdown(boolean interrupt) {
        for (ExecutorService pool : owned) {
            if (interrupt) {
                pool.shutdownNow();
            } else {
                pool.shutdown();
            }
        }
        // after a timed-out drain the shutdown timeout is spent: give interrupted deliveries a
        // moment to end, not another long wait (a subscriber ignoring interrupts would hold the
        // application's shutdown for it and still not stop)
        long deadline = System.nanoTime() + (interrupt ? INTERRUPTED_WAIT_NANOS
                : TimeUnit.SECONDS.toNanos(TERMINATION_WAIT_SECONDS));
        boolean terminated = true;
        for (ExecutorService pool : owned) {
            try {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    terminated = false;
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                terminated = false;
                pool.shutdownNow();
            }
        }
        if (!terminated) {
            List<String> running = new ArrayList<>();
            for (NamedThreads threads : factories) {
                running.addAll(threads.running());
            }
            LOG.threadsStillRunning(running);
        }
    }

    /** Non-daemon threads: a delivery in flight keeps the JVM alive until the drain has finished. */
    private static final class NamedThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();
        /** Live threads, to name those that do not stop. */
        private final Set<Thread> live = ConcurrentHashMap.newKeySet();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    live.remove(Thread.currentThread());
                }
            }, prefix + count.incrementAndGet());
            thread.setDaemon(false);
            live.add(thread);
            return thread;
        }

        List<String> running() {
            List<String> names = new ArrayList<>();
            for (Thread thread : live) {
                if (thread.isAlive()) {
                    names.add(thread.getName());
                }
            }
            return names;
        }
    }
}
