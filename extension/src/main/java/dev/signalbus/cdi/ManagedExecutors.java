package dev.signalbus.cdi;

import java.util.Set;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.jboss.logging.Logger;

import dev.signalbus.model.OptionalApis;

/**
 * The container's default Jakarta Concurrency executors, as CDI beans (Jakarta EE 11) or in JNDI.
 * Only loaded after {@link #isPresent()} said the API is there.
 */
final class ManagedExecutors {

    private static final Logger LOG = Logger.getLogger(ManagedExecutors.class);
    private static final String API = "jakarta.enterprise.concurrent.ManagedExecutorService";
    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    private ManagedExecutors() {
    }

    static boolean isPresent() {
        return OptionalApis.isPresent(API);
    }

    /** The default managed executor, or {@code null} if the container has none. */
    static ManagedExecutorService executor(BeanManager beanManager) {
        return find(beanManager, ManagedExecutorService.class, DEFAULT_EXECUTOR);
    }

    /** The default managed scheduled executor, or {@code null} if the container has none. */
    static ManagedScheduledExecutorService scheduler(BeanManager beanManager) {
        return find(beanManager, ManagedScheduledExecutorService.class, DEFAULT_SCHEDULER);
    }

    private static <T> T find(BeanManager beanManager, Class<T> type, String jndiName) {
        try {
            Set<Bean<?>> beans = beanManager.getBeans(type);
            if (!beans.isEmpty()) {
                Bean<?> bean = beanManager.resolve(beans);
                if (bean != null) {
                    return type.cast(beanManager.getReference(bean, type, beanManager.createCreationalContext(bean)));
                }
            }
        } catch (AmbiguousResolutionException e) {
            LOG.debugf("Several %s beans; looking up %s instead", type.getSimpleName(), jndiName);
        }
        try {
            Object found = new InitialContext().lookup(jndiName);
            if (type.isInstance(found)) {
                return type.cast(found);
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            // plain CDI SE: no naming service, or no such entry
            LOG.debugf("No %s at %s: %s", type.getSimpleName(), jndiName, e);
        }
        return null;
    }
}
