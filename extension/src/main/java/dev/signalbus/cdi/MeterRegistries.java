package dev.signalbus.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import dev.signalbus.engine.BusLog;
import dev.signalbus.engine.BusMetrics;
import dev.signalbus.metrics.MicrometerBusMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The registry of the bus's meters: the application's {@link MeterRegistry} bean if it has exactly
 * one, otherwise Micrometer's global registry. Loaded only when Micrometer is on the class path.
 */
final class MeterRegistries {

    static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    private static final BusLog LOG = BusLog.of(MeterRegistries.class);

    private MeterRegistries() {
    }

    static BusMetrics metrics(BeanManager beanManager) {
        Instance<MeterRegistry> registries = beanManager.createInstance().select(MeterRegistry.class);
        if (registries.isResolvable()) {
            MeterRegistry registry = registries.get();
            LOG.debugf("Signal Bus reports its meters to the MeterRegistry bean %s", registry);
            return MicrometerBusMetrics.of(registry);
        }
        if (registries.isAmbiguous()) {
            LOG.severalMeterRegistries();
        }
        return MicrometerBusMetrics.global();
    }
}
