package dev.signalbus.demo.weld;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/** Example 4: the URL and the secret, from the environment as in the Python example. */
@ApplicationScoped
public class Endpoint {

    @Produces
    @Named("url")
    String url() {
        return System.getenv().getOrDefault("URL", "https://example.org/data");
    }

    @Produces
    @Named("secret")
    String secret() {
        return System.getenv().getOrDefault("SECRET", "not-so-secret");
    }
}
