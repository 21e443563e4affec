package dev.signalbus.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;

/**
 * Durations longer than 365 days in annotations, written once for both containers: definition errors naming each
 * method (issue 10, fault 3). Deploy this class and pass the failure's text to {@link #check}.
 */
@ApplicationScoped
public class EndlessDurations {

    public static void check(String failure) {
        String endless = EndlessDurations.class.getName();
        assertThat(failure)
                .contains(endless + "#store").contains("@Batch(maxWait = \"200000d\")")
                .contains(endless + "#poll").contains("@PeriodicTask(every = \"200000d\")")
                .contains(endless + "#later").contains("@PeriodicTask(delay = \"200000d\")")
                .contains("longer than 365 days");
    }

    @Batch(maxWait = "200000d")
    void store(@Subscribes("readings") List<String> readings) {
    }

    @PeriodicTask(every = "200000d")
    void poll() {
    }

    @PeriodicTask(every = "1s", delay = "200000d")
    void later() {
    }
}
