package dev.signalbus.jta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

import org.junit.jupiter.api.Test;

import dev.signalbus.engine.TransactionSupport;

/**
 * Without a TransactionSynchronizationRegistry the absence is found once, not at every publish: a publish asks the
 * support whether a transaction is active, and a lookup each time (a container's bean lookup, then JNDI) made
 * publishing on Quarkus without JTA ten times slower (issue 16).
 */
class JtaLookupTest {

    @Test
    void whereTheRegistryCanOnlyBeABeanItsAbsenceIsKnownAfterTheFirstLookup() {
        // naming that fails with a plain NamingException, as it may where naming exists without java:comp
        String previous = System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FailingNaming.class.getName());
        try {
            AtomicInteger lookups = new AtomicInteger();
            TransactionSupport support = JtaTransactions.support(type -> {
                lookups.incrementAndGet();
                return null;
            }, false);

            for (int i = 0; i < 1000; i++) {
                assertThat(support.active()).isFalse();
            }
            assertThat(lookups).hasValue(1);
            assertThat(FailingNaming.CALLS).as("JNDI never asked").hasValue(0);
        } finally {
            if (previous == null) {
                System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
            } else {
                System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previous);
            }
        }
    }

    /** Naming that is there but has nothing: every context fails with a plain {@link NamingException}. */
    public static class FailingNaming implements InitialContextFactory {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
            CALLS.incrementAndGet();
            throw new NamingException("nothing bound here");
        }
    }

    @Test
    void withoutJndiAtAllTheAbsenceIsKnownAfterTheFirstLookupToo() {
        AtomicInteger lookups = new AtomicInteger();
        TransactionSupport support = JtaTransactions.support(type -> {
            lookups.incrementAndGet();
            return null;
        });

        for (int i = 0; i < 1000; i++) {
            assertThat(support.active()).isFalse();
        }
        // this JVM has no JNDI provider: NoInitialContextException, so the absence is final
        assertThat(lookups).hasValue(1);
    }
}
