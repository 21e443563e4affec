package dev.signalbus.demo;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.signalbus.Subscribes;

/** Example 4: two subscribers processing every fetched batch of rows. */
@ApplicationScoped
public class DataProcessors {

    @Inject
    Console console;

    void processValues(@Subscribes("new-data") List<Row> data) {
        for (Row row : data) {
            console.println(DataFetcher.TAG, row.value().toUpperCase());
        }
    }

    void processIds(@Subscribes("new-data") List<Row> data) {
        for (Row row : data) {
            console.println(DataFetcher.TAG, String.valueOf(row.id() + 1));
        }
    }
}
