package dev.signalbus.demo.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Example 4: the URL and the secret, from configuration ({@code demo.url} and {@code demo.secret}, which
 * application.properties takes from the URL and SECRET environment variables, as in the Python example). Read
 * programmatically: a {@code @ConfigProperty} parameter would need reflection in a native image.
 */
@ApplicationScoped
public class Endpoint {

    @Produces
    @Named("url")
    String url() {
        return ConfigProvider.getConfig().getValue("demo.url", String.class);
    }

    @Produces
    @Named("secret")
    String secret() {
        return ConfigProvider.getConfig().getValue("demo.secret", String.class);
    }
}
