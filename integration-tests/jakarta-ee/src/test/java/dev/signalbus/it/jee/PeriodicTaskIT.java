package dev.signalbus.it.jee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Example 3: {@code @PeriodicTask(every = "0.5s")} runs about twice a second while deployed. */
class PeriodicTaskIT {

    @Test
    void runsEveryHalfSecond() {
        int before = Server.deliveries("ticker").size();

        await().atMost(Server.PATIENCE).untilAsserted(
                () -> assertThat(Server.deliveries("ticker")).hasSizeGreaterThanOrEqualTo(before + 4));

        List<Server.Delivery> ticks = Server.deliveries("ticker");
        Duration span = Duration.ofMillis(ticks.get(ticks.size() - 1).atMillis() - ticks.get(0).atMillis());
        Duration mean = span.dividedBy(ticks.size() - 1);
        // Over the whole run the mean interval stays near 0.5s (ticks missed while the machine
        // stalls are skipped, not run in a burst); the bounds are wide for a loaded machine.
        assertThat(mean).isBetween(Duration.ofMillis(300), Duration.ofMillis(1500));
    }
}
