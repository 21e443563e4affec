package dev.signalbus.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/** Example 2: the factory of the injected name, called for every delivery. */
@ApplicationScoped
public class NameFactory {

    @Produces
    @Named("name")
    String nameFactory() {
        return "Frank";
    }
}
