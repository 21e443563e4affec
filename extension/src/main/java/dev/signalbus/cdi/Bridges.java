package dev.signalbus.cdi;

import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signalbus.messaging.MessagingBridge;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.providers.extension.MediatorManager;

/**
 * The bridge to Reactive Messaging in a CDI container with SmallRye Reactive Messaging's own
 * portable extension; loaded only when the configuration names channels.
 */
final class Bridges {

    static final String MEDIATOR_MANAGER = "io.smallrye.reactive.messaging.providers.extension.MediatorManager";
    static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    private Bridges() {
    }

    /** @return the bridge, its channels declared to Reactive Messaging */
    static MessagingBridge create(BeanManager beanManager, Map<String, MessagingBridge.Channels> channels) {
        Instance<Object> beans = beanManager.createInstance();
        Instance<ObjectMapper> mappers = beans.select(ObjectMapper.class);
        ObjectMapper json = mappers.isResolvable() ? mappers.get() : new ObjectMapper().findAndRegisterModules();
        MessagingBridge bridge = new MessagingBridge(Settings.PREFIX, channels, json);
        bridge.declare(beans.select(MediatorManager.class).get());
        return bridge;
    }

    static ChannelRegistry registry(BeanManager beanManager) {
        return beanManager.createInstance().select(ChannelRegistry.class).get();
    }
}
