package dev.signalbus.it.weld;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The application: Weld SE with bean discovery (this jar's {@code META-INF/beans.xml}, and those of SmallRye
 * Reactive Messaging and its Kafka connector), its role from {@code -Dapp.role}:
 * <ul>
 * <li>{@code sender} publishes {@code app.count} orders (ids {@code app.from ..}) to topic {@code orders}, which
 * goes out to Kafka, then closes the container (the bus drains and waits for the broker's acknowledgements) and
 * exits;</li>
 * <li>{@code receiver} receives topic {@code orders} from Kafka until it is stopped (SIGTERM: Weld's shutdown
 * hook closes the container).</li>
 * </ul>
 * It prints {@code APP READY} once booted, {@code SENDER DONE sent=… errors=…} at the end of a send.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Role role = Role.current();
        if (role == Role.NONE) {
            System.err.println("usage: java -Dapp.role=sender|receiver -jar bridge-kafka-weld.jar");
            System.exit(2);
        }
        // the role's settings: %sender.* or %receiver.* of META-INF/microprofile-config.properties
        System.setProperty("mp.config.profile", role.name().toLowerCase(Locale.ROOT));
        WeldContainer container = new Weld().initialize();
        System.out.println("APP READY role=" + role.name().toLowerCase(Locale.ROOT));
        if (role == Role.SENDER) {
            send(container);
            return;
        }
        new CountDownLatch(1).await(); // until SIGTERM
    }

    private static void send(WeldContainer container) {
        long from = Long.getLong("app.from", 0);
        long count = Long.getLong("app.count", 0);
        OrderPublisher publisher = container.select(OrderPublisher.class).get();
        long sent = 0;
        long errors = 0;
        String lastError = "";
        long began = System.nanoTime();
        for (long id = from; id < from + count; id++) {
            try {
                publisher.send(id);
                sent++;
            } catch (RuntimeException e) {
                errors++;
                lastError = e.toString();
            }
        }
        double published = (System.nanoTime() - began) / 1e9;
        container.close(); // drains: what was published is sent and acknowledged by the broker first
        double total = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "SENDER DONE sent=%d errors=%d published-in=%.1fs acknowledged-in=%.1fs%s%n",
                sent, errors, published, total, lastError.isEmpty() ? "" : " last-error=" + lastError);
        System.exit(errors == 0 ? 0 : 1);
    }
}
