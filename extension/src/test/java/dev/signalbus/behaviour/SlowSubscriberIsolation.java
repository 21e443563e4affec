package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;

/** A subscriber that blocks does not delay another subscriber of the same topic. */
public class SlowSubscriberIsolation extends Behaviour {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final List<Integer> SLOW = new CopyOnWriteArrayList<>();
    static final List<Integer> FAST = new CopyOnWriteArrayList<>();

    @Override
    public void run(Container app) {
        try {
            SignalBus bus = app.select(SignalBus.class);
            for (int i = 0; i < 20; i++) {
                bus.publish("jobs", i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> FAST.size() == 20);
            assertThat(SLOW).containsExactly(0);
            RELEASE.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> SLOW.size() == 20);
        } finally {
            RELEASE.countDown();
        }
    }

    @ApplicationScoped
    public static class Slow {
        void receive(@Subscribes("jobs") Integer job) throws InterruptedException {
            SLOW.add(job);
            RELEASE.await(30, TimeUnit.SECONDS);
        }
    }

    @ApplicationScoped
    public static class Fast {
        void receive(@Subscribes("jobs") Integer job) {
            FAST.add(job);
        }
    }
}
