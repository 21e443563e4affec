package dev.signalbus.demo.weld;

import java.time.Duration;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.signalbus.demo.Console;
import dev.signalbus.demo.DataFetcher;
import dev.signalbus.demo.FooSubscribers;
import dev.signalbus.demo.Foos;
import dev.signalbus.demo.Greetings;
import dev.signalbus.demo.Message;

/**
 * Boots Weld SE with bean discovery (the Signal Bus extension comes from its
 * {@code META-INF/services} entry), runs the four examples of the asyncio-signal-bus README, waits
 * until each has printed what it should, and closes the container: the bus drains before any bean
 * is destroyed.
 */
public final class Main {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (WeldContainer container = new Weld().initialize()) {
            Console console = container.select(Console.class).get();

            // 1: ten publishers at once; both subscribers receive every message
            FooPublisher publisher = container.select(FooPublisher.class).get();
            for (int i = 0; i < 10; i++) {
                publisher.fooPublisher("message:" + i);
            }
            for (int i = 0; i < 10; i++) {
                Message message = new Message("message:" + i);
                console.await("[" + FooSubscribers.TAG + "] foo subscriber 0 received " + message, 1, WAIT);
                console.await("[" + FooSubscribers.TAG + "] foo subscriber 1 received " + message, 1, WAIT);
            }

            // 2: the name is injected into the subscriber
            container.select(Greetings.class).get().generateGreeting("hello");
            console.await("[" + Greetings.TAG + "] hello from Frank", 1, WAIT);

            // 3: the periodic task has been running since the application started
            console.await("[" + Foos.TAG + "] foo", 4, WAIT);

            // 4: each run of the periodic publisher reaches both subscribers
            for (String line : new String[] { "CATS", "DOGS", "1", "2" }) {
                console.await("[" + DataFetcher.TAG + "] " + line, 1, WAIT);
            }
        }
        System.out.println("[demo] Signal Bus drained, container closed");
    }
}
