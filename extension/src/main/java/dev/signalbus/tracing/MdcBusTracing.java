package dev.signalbus.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.MDC;

import dev.signalbus.engine.BusTracing;

/**
 * The publisher's logging MDC (JBoss Logging's {@link MDC}, which writes to the logging backend in
 * use: JBoss LogManager on Quarkus and WildFly, SLF4J or Log4j elsewhere) travels with the signal
 * beside its trace context: a subscriber logs with the publisher's MDC values (a request id, the
 * trace id), set on the delivering thread while it runs and restored after; the subscriber of a
 * publisher without MDC values sees none. A batch (signals of many publishers) and a periodic run
 * leave the MDC as it is.
 */
final class MdcBusTracing implements BusTracing {

    private final BusTracing tracing;

    MdcBusTracing(BusTracing tracing) {
        this.tracing = tracing;
    }

    /** A trace context with the publisher's MDC values. */
    private record WithMdc(Object context, Map<String, Object> mdc) {
    }

    @Override
    public Object capture() {
        Object context = tracing.capture();
        Map<String, Object> mdc = MDC.getMap();
        return mdc == null || mdc.isEmpty() ? context : new WithMdc(context, Map.copyOf(mdc));
    }

    @Override
    public Traced delivery(String topic, String target, Object context) {
        Map<String, Object> before = MDC.getMap();
        boolean withMdc = context instanceof WithMdc;
        if (!withMdc && (before == null || before.isEmpty())) {
            return tracing.delivery(topic, target, context);
        }
        // a pool thread may hold values of its own (JBoss LogManager's MDC is inherited by the
        // threads a thread starts): a publisher without MDC values gives its subscriber none
        replace(withMdc ? ((WithMdc) context).mdc() : null);
        Traced traced;
        try {
            traced = tracing.delivery(topic, target, withMdc ? ((WithMdc) context).context() : context);
        } catch (RuntimeException | Error e) {
            replace(before);
            throw e;
        }
        return new Traced() {
            @Override
            public void detach() {
                try {
                    traced.detach();
                } finally {
                    replace(before);
                }
            }

            @Override
            public void end(Throwable failure) {
                traced.end(failure);
            }
        };
    }

    @Override
    public Traced batch(String topic, String target, List<Object> contexts) {
        List<Object> traceContexts = new ArrayList<>(contexts.size());
        for (Object context : contexts) {
            traceContexts.add(context instanceof WithMdc withMdc ? withMdc.context() : context);
        }
        return tracing.batch(topic, target, traceContexts);
    }

    @Override
    public Traced run(String target) {
        return tracing.run(target);
    }

    private static void replace(Map<String, Object> values) {
        MDC.clear();
        if (values != null) {
            values.forEach(MDC::put);
        }
    }
}
