package dev.signalbus.quarkus.runtime;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signalbus.messaging.MessagingBridge;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.providers.extension.MediatorManager;

/**
 * The bridge to Reactive Messaging on Quarkus: a bean only when the application has a messaging extension. It
 * declares the configured channels before Reactive Messaging wires its graph ({@code StartupEvent} at
 * {@code LIBRARY_BEFORE}), hence at {@code PLATFORM_BEFORE}. Internal.
 */
@Singleton
public class SignalBusChannels {

    @Inject
    SignalBusLifecycle lifecycle;

    void declare(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        MessagingBridge bridge = lifecycle.bridge(this);
        if (bridge != null) {
            bridge.declare(Arc.container().instance(MediatorManager.class).get());
        }
    }

    MessagingBridge create(Map<String, MessagingBridge.Channels> channels) {
        InstanceHandle<ObjectMapper> mapper = Arc.container().instance(ObjectMapper.class);
        ObjectMapper json = mapper.isAvailable() ? mapper.get() : new ObjectMapper().findAndRegisterModules();
        return new MessagingBridge(SignalBusLifecycle.CONFIG_PREFIX, channels, json);
    }

    ChannelRegistry registry() {
        return Arc.container().instance(ChannelRegistry.class).get();
    }
}
