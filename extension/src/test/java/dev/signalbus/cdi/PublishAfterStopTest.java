package dev.signalbus.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.signalbus.Publishes;
import dev.signalbus.Subscribes;

/** Once the bus has drained at shutdown, publishing throws an IllegalStateException that says so. */
class PublishAfterStopTest {

    static final AtomicReference<Throwable> FAILURE = new AtomicReference<>();

    @Test
    void publishingDuringShutdownAfterTheDrainThrows() {
        WeldContainer container = Cdi.boot(LateObserver.class, LatePublisher.class, Subscriber.class);
        container.close();
        assertThat(FAILURE.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped")
                .hasMessageContaining("'late'");
    }

    @ApplicationScoped
    static class LateObserver {
        // an ordinary observer runs after the bus's drain, which comes first
        void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event, LatePublisher publisher) {
            try {
                publisher.publish("too late");
            } catch (RuntimeException e) {
                FAILURE.set(e);
            }
        }
    }

    @ApplicationScoped
    static class LatePublisher {

        @Publishes("late")
        String publish(String text) {
            return text;
        }
    }

    @ApplicationScoped
    static class Subscriber {
        void receive(@Subscribes("late") String text) {
        }
    }
}
