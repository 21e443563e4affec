package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.PeriodicTask;

/**
 * Seed example 3: a periodic task runs every half second while the application runs (on Quarkus, shorter than
 * quarkus-scheduler's one-second trigger check, so on the managed executor at a fixed rate), and no more once it
 * stopped.
 */
public class PeriodicTasks extends Behaviour {

    static List<Long> runs() {
        return Shared.get("periodic-tasks.runs", CopyOnWriteArrayList::new);
    }

    @Override
    public void run(Container app) {
        await().atMost(Duration.ofSeconds(10)).until(() -> runs().size() >= 5);
        assertThat(Periods.medianGap(runs())).isBetween(Duration.ofMillis(400), Duration.ofMillis(900));
    }

    @Override
    public void afterStop(String container) {
        try {
            int runs = runs().size();
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> runs().size() == runs);
        } finally {
            Shared.clear("periodic-tasks.");
        }
    }

    @ApplicationScoped
    public static class Foos {
        @PeriodicTask(every = "0.5s")
        void printFoos() {
            runs().add(System.nanoTime());
        }
    }
}
