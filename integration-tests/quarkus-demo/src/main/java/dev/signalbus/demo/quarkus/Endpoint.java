package dev.signalbus.demo.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Example 4: the URL and the secret, from configuration ({@code demo.url} and {@code demo.secret}, which
 * application.properties takes from the URL and SECRET environment variables, as in the Python example).
 */
@ApplicationScoped
public class Endpoint {

    @Produces
    @Named("url")
    String url(@ConfigProperty(name = "demo.url") String url) {
        return url;
    }

    @Produces
    @Named("secret")
    String secret(@ConfigProperty(name = "demo.secret") String secret) {
        return secret;
    }
}
