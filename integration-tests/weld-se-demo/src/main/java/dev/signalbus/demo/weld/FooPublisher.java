package dev.signalbus.demo.weld;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;
import dev.signalbus.demo.Console;
import dev.signalbus.demo.FooSubscribers;
import dev.signalbus.demo.Message;

/** Example 1: a publisher. Like the Python coroutine it takes a second; the signal is published when it is ready. */
@ApplicationScoped
public class FooPublisher {

    @Inject
    Console console;

    @Publishes("foo")
    public CompletionStage<Message> fooPublisher(String arg) {
        Message signal = new Message(arg);
        console.println(FooSubscribers.TAG, "publishing " + signal);
        return CompletableFuture.supplyAsync(() -> signal, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }
}
