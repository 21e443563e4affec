package dev.signalbus.demo.weld;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Publishes;

/** Example 1: a publisher. Like the Python coroutine it takes a second; the signal is published when it is ready. */
@ApplicationScoped
public class FooPublisher {

    static final String TAG = "1 publisher";

    @Inject
    Console console;

    @Publishes("foo")
    public CompletionStage<Message> fooPublisher(String arg) {
        Message signal = new Message(arg);
        console.println(TAG, "publishing " + signal);
        return CompletableFuture.supplyAsync(() -> signal, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }
}
