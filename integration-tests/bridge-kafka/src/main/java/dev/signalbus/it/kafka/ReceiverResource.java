package dev.signalbus.it.kafka;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The receiver's figures, as {@code key=value} lines. */
@Path("/receiver")
@Produces(MediaType.TEXT_PLAIN)
public class ReceiverResource {

    @Inject
    Receiver receiver;

    @Inject
    Failures failures;

    @Inject
    Role role;

    @GET
    @Path("/stats")
    public String stats() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                afterGc += pool.getCollectionUsage().getUsed();
            }
        }
        return "role=" + role.role()
                + "\ninstance=" + role.instance()
                + "\ndelivered=" + receiver.delivered()
                + "\narrived=" + receiver.arrived()
                + "\ndepth=" + receiver.depth()
                + "\nmaxDepth=" + receiver.maxDepth()
                + "\nreceipts=" + receiver.receiptsSent()
                + "\nfailures=" + failures.seen().size()
                + "\nheapUsed=" + heap.getUsed()
                + "\nheapAfterGc=" + afterGc
                + "\nheapMax=" + heap.getMax()
                + "\ntrapInitialized=" + TrapWitness.INITIALIZED.get()
                + "\ntrapInstantiated=" + TrapWitness.INSTANTIATED.get()
                + "\n";
    }

    /** One line per failure: topic, target, the signal (a raw payload for an unreadable message), the failure. */
    @GET
    @Path("/failures")
    public String failures() {
        return failures.seen().stream()
                .map(f -> f.topic() + "\t" + f.target() + "\t" + oneLine(f.signal()) + "\t" + oneLine(f.failure()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @GET
    @Path("/trace")
    public String trace(@QueryParam("id") long id) {
        String traceId = receiver.traceId(id);
        if (traceId == null) {
            throw new NotFoundException();
        }
        return traceId;
    }

    private static String oneLine(Object o) {
        return String.valueOf(o).replace('\n', ' ').replace('\t', ' ');
    }
}
