package dev.signalbus.demo.quarkus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.signalbus.demo.Console;
import dev.signalbus.demo.DataFetcher;
import dev.signalbus.demo.FooSubscribers;
import dev.signalbus.demo.Foos;
import dev.signalbus.demo.Greetings;
import dev.signalbus.demo.Message;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.mutiny.Uni;

/**
 * Runs the four examples of the asyncio-signal-bus README, waits until each has printed what it should, and returns:
 * Quarkus then stops, and the bus drains before any bean is destroyed.
 */
@QuarkusMain
public class Demo implements QuarkusApplication {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Console console;

    @Inject
    FooPublisher publisher;

    @Inject
    Greetings greetings;

    @Override
    public int run(String... args) throws Exception {
        // 1: ten publishers at once, like asyncio.gather; both subscribers receive every message
        List<Uni<Message>> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            published.add(publisher.fooPublisher("message:" + i));
        }
        Uni.join().all(published).andFailFast().await().atMost(WAIT);
        for (int i = 0; i < 10; i++) {
            Message message = new Message("message:" + i);
            console.await("[" + FooSubscribers.TAG + "] foo subscriber 0 received " + message, 1, WAIT);
            console.await("[" + FooSubscribers.TAG + "] foo subscriber 1 received " + message, 1, WAIT);
        }

        // 2: the name is injected into the subscriber
        greetings.generateGreeting("hello");
        console.await("[" + Greetings.TAG + "] hello from Frank", 1, WAIT);

        // 3: the periodic task has been running since the application started
        console.await("[" + Foos.TAG + "] foo", 4, WAIT);

        // 4: each run of the periodic publisher reaches both subscribers
        for (String line : new String[] { "CATS", "DOGS", "1", "2" }) {
            console.await("[" + DataFetcher.TAG + "] " + line, 1, WAIT);
        }
        return 0;
    }

    /** Runs after the bus has drained (the drain observes ShutdownEvent first). */
    void stopped(@Observes ShutdownEvent event) {
        System.out.println("[demo] Signal Bus drained, application stopped");
    }
}
