package dev.signalbus.demo;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.signalbus.PeriodicTask;
import dev.signalbus.Publishes;

/** Example 4: a periodic task that is also a publisher, with two injected values. */
@ApplicationScoped
public class DataFetcher {

    /** The tag of example 4's lines. */
    public static final String TAG = "4 periodic publisher";

    @PeriodicTask(every = "1s")
    @Publishes("new-data")
    List<Row> getData(@Named("url") String url, @Named("secret") String secret) {
        // perform some sort of IO here to get your data, with the url and the secret
        return List.of(new Row(0, "cats"), new Row(1, "dogs"));
    }
}
