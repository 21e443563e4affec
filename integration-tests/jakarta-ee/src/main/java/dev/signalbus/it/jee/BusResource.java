package dev.signalbus.it.jee;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signalbus.SignalBus;

/**
 * Publishes through the examples and reports what the subscribers received. Each POST answers
 * with the name of the request thread, so a test can tell it from the delivering threads.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class BusResource {

    @Inject
    FooPublisher foo;

    @Inject
    Greetings greetings;

    @Inject
    Chain chain;

    @Inject
    SignalBus bus;

    @Inject
    NarrowTopic narrow;

    @Inject
    RequestTag tag;

    @Inject
    Deliveries deliveries;

    @POST
    @Path("foo/{arg}")
    public String foo(@PathParam("arg") String arg) {
        foo.publish(arg);
        return Thread.currentThread().getName();
    }

    @POST
    @Path("greeting/{text}")
    public String greeting(@PathParam("text") String text) {
        greetings.greet(text);
        return Thread.currentThread().getName();
    }

    /** Starts {@code count} chains named {@code id-0 .. id-(count-1)}. */
    @POST
    @Path("chain/{id}")
    public String chain(@PathParam("id") String id, @QueryParam("count") @DefaultValue("1") int count) {
        for (int i = 0; i < count; i++) {
            chain.start(id + "-" + i);
        }
        return Thread.currentThread().getName();
    }

    /** Publishes programmatically, through the {@link SignalBus} bean. */
    @POST
    @Path("orders/{order}")
    public String order(@PathParam("order") String order) {
        bus.publish("orders", order);
        return Thread.currentThread().getName();
    }

    /** Publishes two signals to topic "probe"; answers this request's {@link RequestTag}. */
    @POST
    @Path("probe/{id}")
    public String probe(@PathParam("id") String id) {
        bus.publish("probe", id + "-0");
        bus.publish("probe", id + "-1");
        return tag.id();
    }

    /**
     * Publishes to topic "narrow" while its subscriber is held, until a publish is refused;
     * answers how many were accepted and the refusal's message.
     */
    @POST
    @Path("narrow/{id}")
    public String narrow(@PathParam("id") String id) {
        narrow.close();
        try {
            for (int i = 0; i < 10; i++) {
                try {
                    bus.publish("narrow", id + "-" + i);
                } catch (IllegalStateException refused) {
                    return i + "\n" + refused.getMessage();
                }
            }
            return "10\nnever refused";
        } finally {
            narrow.open();
        }
    }

    /** One line per delivery: receiver, signal, thread, managed thread?, epoch millis (tabs). */
    @GET
    @Path("deliveries")
    public String deliveries() {
        return deliveries.asText();
    }
}
