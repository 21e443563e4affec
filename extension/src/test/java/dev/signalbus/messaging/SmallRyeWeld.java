package dev.signalbus.messaging;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.signalbus.cdi.SignalBusExtension;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.providers.MediatorFactory;
import io.smallrye.reactive.messaging.providers.connectors.ExecutionHolder;
import io.smallrye.reactive.messaging.providers.connectors.WorkerPoolRegistry;
import io.smallrye.reactive.messaging.providers.extension.ChannelProducer;
import io.smallrye.reactive.messaging.providers.extension.EmitterFactoryImpl;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.smallrye.reactive.messaging.providers.extension.LegacyEmitterFactoryImpl;
import io.smallrye.reactive.messaging.providers.extension.MediatorManager;
import io.smallrye.reactive.messaging.providers.extension.MutinyEmitterFactoryImpl;
import io.smallrye.reactive.messaging.providers.extension.ReactiveMessagingExtension;
import io.smallrye.reactive.messaging.providers.impl.ConfiguredChannelFactory;
import io.smallrye.reactive.messaging.providers.impl.ConnectorFactories;
import io.smallrye.reactive.messaging.providers.impl.InternalChannelRegistry;
import io.smallrye.reactive.messaging.providers.wiring.Wiring;

/**
 * Weld SE with Signal Bus, SmallRye Reactive Messaging's portable extension and its in-memory connector; the beans
 * that SmallRye's portable extension needs are listed because the tests boot without bean discovery.
 */
final class SmallRyeWeld {

    private SmallRyeWeld() {
    }

    static WeldContainer with(Class<?>... beans) {
        return new Weld("bridge-" + UUID.randomUUID()).disableDiscovery()
                .addExtension(new SignalBusExtension()).addExtension(new ReactiveMessagingExtension())
                .addBeanClasses(MediatorFactory.class, Wiring.class, ExecutionHolder.class, MediatorManager.class,
                        WorkerPoolRegistry.class, InternalChannelRegistry.class, ChannelProducer.class,
                        ConfiguredChannelFactory.class, ConnectorFactories.class, HealthCenter.class,
                        InMemoryConnector.class, EmitterFactoryImpl.class, MutinyEmitterFactoryImpl.class,
                        LegacyEmitterFactoryImpl.class, io.smallrye.config.inject.ConfigProducer.class)
                .addBeanClasses(beans)
                .initialize();
    }

    /** Boots with settings given as system properties, read through MicroProfile Config. */
    static WeldContainer with(Map<String, String> config, Class<?>... beans) {
        config.forEach(System::setProperty);
        refreshConfig();
        try {
            return with(beans);
        } finally {
            config.keySet().forEach(System::clearProperty);
            refreshConfig();
        }
    }

    /** MicroProfile Config caches its configuration: drop it so the next boot reads the system properties again. */
    static void refreshConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }
}
