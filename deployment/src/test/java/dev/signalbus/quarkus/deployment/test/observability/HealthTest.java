package dev.signalbus.quarkus.deployment.test.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.SignalBus;
import dev.signalbus.Subscribes;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * With {@code quarkus-smallrye-health}: readiness is DOWN before the bus has started (asked from a startup observer
 * that runs before it), UP while it runs ({@code /q/health/ready}), DOWN from the start of the drain (asked by a
 * delivery that the drain waits for); {@code /q/health/live} is DOWN naming the subscriber while a delivery runs past
 * {@code stuck-delivery-threshold}, and UP again once it returns. Before the start and during the drain the HTTP
 * server is not serving (Quarkus opens it after the startup observers and closes it before the shutdown ones), so
 * those two ask the health reporter behind {@code /q/health/ready} directly.
 */
public class HealthTest {

    static final AtomicReference<String> BEFORE_START = new AtomicReference<>();
    /** A system property: the assertion after the stop runs in the test's class loader, not the application's. */
    static final String WHILE_DRAINING = "signal-bus.test.readiness-while-draining";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Worker.class, EarlyProbe.class))
            .overrideConfigKey("quarkus.signal-bus.stuck-delivery-threshold", "300ms")
            .setAfterAllCustomizer(() -> {
                // the application has stopped: what the readiness check said while the bus drained
                assertThat(System.clearProperty(WHILE_DRAINING)).contains("\"status\":\"DOWN\"")
                        .contains("\"phase\":\"DRAINING\"");
            });

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch STARTED = new CountDownLatch(1);

    @Inject
    SignalBus bus;

    @Test
    void readinessBeforeStart() {
        assertThat(BEFORE_START.get()).contains("\"status\":\"DOWN\"").contains("\"phase\":\"NEW\"");
    }

    @Test
    void readyWhileRunning() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("\"phase\": \"RUNNING\""));
    }

    @Test
    void livenessNamesAStuckSubscriberUntilItReturns() throws InterruptedException {
        given().get("/q/health/live").then().statusCode(200);
        bus.publish("jobs", "long");
        assertThat(STARTED.await(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live").then()
                .statusCode(503)
                .body(containsString(Worker.class.getName() + "#run (topic 'jobs') for PT")));
        RELEASE.countDown();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live").then()
                .statusCode(200));
        // the drain waits for this delivery, which waits until readiness says DOWN
        bus.publish("drain", "probe");
    }

    /** What {@code /q/health/ready} would answer, without whitespace. */
    static String readiness() {
        SmallRyeHealth health = Arc.container().instance(SmallRyeHealthReporter.class).get().getReadiness();
        return health.getPayload().toString().replaceAll("\\s", "");
    }

    @ApplicationScoped
    public static class EarlyProbe {
        void onStart(@Observes StartupEvent event) {
            // runs before the bus starts (it starts after every other StartupEvent observer)
            BEFORE_START.set(readiness());
        }
    }

    @ApplicationScoped
    public static class Worker {
        void run(@Subscribes("jobs") String job) throws InterruptedException {
            STARTED.countDown();
            RELEASE.await(30, TimeUnit.SECONDS);
        }

        void probe(@Subscribes("drain") String signal) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                String ready = readiness();
                System.setProperty(WHILE_DRAINING, ready);
                return ready.contains("\"status\":\"DOWN\"");
            });
        }
    }
}
