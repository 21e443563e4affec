package dev.signalbus.it.jee;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.signalbus.SignalBus;

/** Drives {@link TransactionalOrders} and reports what its subscriber found, for TransactionsIT. */
@Path("tx")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class TransactionsResource {

    @Inject
    TransactionalOrders orders;

    @Inject
    TransactionalOrderChecks checks;

    @Inject
    SignalBus bus;

    /**
     * Places {@code count} orders, a third of them (by a seeded draw) in transactions that roll back;
     * answers the committed ids, then the rolled-back ones, each line comma-separated.
     */
    @POST
    @Path("mixed")
    public String mixed(@QueryParam("count") int count, @QueryParam("seed") long seed) {
        Random random = new Random(seed);
        Set<Long> committed = new HashSet<>();
        Set<Long> rolledBack = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) == 0) {
                rolledBack.add(orders.placeAndRollBack("rolled back " + i));
            } else {
                committed.add(orders.place("committed " + i));
            }
        }
        return join(committed) + "\n" + join(rolledBack);
    }

    /**
     * In this method's transaction: places an order published IN_PROGRESS and waits for its
     * delivery before committing. Answers the id.
     */
    @POST
    @Path("in-progress")
    @Transactional
    public String inProgress() throws InterruptedException {
        long id = orders.placeInProgress("in progress");
        if (!checks.awaitChecked(id, 30_000)) {
            throw new IllegalStateException("an IN_PROGRESS signal was not delivered within 30 s");
        }
        return Long.toString(id);
    }

    /**
     * In this method's transaction: places an order (published after the commit) and answers
     * "id,held" where held says that nothing was delivered while the transaction was open.
     */
    @POST
    @Path("caller")
    @Transactional
    public String callersTransaction() {
        long id = orders.place("in the caller's transaction");
        boolean idle = bus.awaitIdle(Duration.ofMillis(500));
        return id + "," + (!idle && checks.found(id) == null);
    }

    /** "found" if the subscriber found the order committed, "missing" if not, "none" if not delivered. */
    @GET
    @Path("checked/{id}")
    public String checked(@PathParam("id") long id) {
        Boolean found = checks.found(id);
        return found == null ? "none" : found ? "found" : "missing";
    }

    /** Every id delivered so far, comma-separated, with "+" if found committed and "-" if not. */
    @GET
    @Path("checked")
    public String allChecked() {
        StringBuilder all = new StringBuilder();
        checks.all().forEach((id, found) -> all.append(all.length() == 0 ? "" : ",").append(id)
                .append(found ? "+" : "-"));
        return all.toString();
    }

    private static String join(Set<Long> ids) {
        StringBuilder joined = new StringBuilder();
        for (long id : ids) {
            joined.append(joined.length() == 0 ? "" : ",").append(id);
        }
        return joined.toString();
    }
}
