package dev.signalbus.messaging;

import jakarta.enterprise.util.AnnotationLiteral;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.reactive.messaging.EmitterConfiguration;
import io.smallrye.reactive.messaging.annotations.EmitterFactoryFor;

/**
 * The emitter of an outgoing channel as an {@code @Inject @Channel(name) Emitter<Object>} would
 * declare it, with an unbounded buffer: the bridge bounds what is unanswered itself (the topic's
 * queue capacity), so that its publishers wait rather than fail.
 */
record BridgeEmitterConfiguration(String name) implements EmitterConfiguration {

    @Override
    public EmitterFactoryFor emitterType() {
        return new EmitterType();
    }

    @Override
    public OnOverflow.Strategy overflowBufferStrategy() {
        return OnOverflow.Strategy.UNBOUNDED_BUFFER;
    }

    @Override
    public long overflowBufferSize() {
        return -1;
    }

    @Override
    public boolean broadcast() {
        return false;
    }

    @Override
    public int numberOfSubscriberBeforeConnecting() {
        return -1;
    }

    @SuppressWarnings("all")
    private static final class EmitterType extends AnnotationLiteral<EmitterFactoryFor> implements EmitterFactoryFor {

        private static final long serialVersionUID = 1L;

        @Override
        public Class<?> value() {
            return Emitter.class;
        }
    }
}
