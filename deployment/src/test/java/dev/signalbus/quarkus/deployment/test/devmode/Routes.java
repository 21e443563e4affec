package dev.signalbus.quarkus.deployment.test.devmode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.signalbus.SignalBus;
import io.vertx.ext.web.Router;

/** {@code GET /publish?name=x} publishes to "names"; {@code GET /last} shows what the subscriber got. */
@ApplicationScoped
public class Routes {

    void routes(@Observes Router router, SignalBus bus, Received received) {
        router.get("/publish").handler(ctx -> {
            bus.publish("names", ctx.request().getParam("name"));
            ctx.end("published");
        });
        router.get("/last").handler(ctx -> ctx.end(received.last));
    }
}
