package dev.signalbus.cdi;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Boots Weld SE with exactly the given bean classes and the extension. (Weld SE reads
 * {@code META-INF/services} only with discovery on; the weld-se-demo relies on that entry.)
 */
final class Cdi {

    private Cdi() {
    }

    static WeldContainer boot(Class<?>... beanClasses) {
        return new Weld("signal-bus-test-" + UUID.randomUUID()).disableDiscovery().addBeanClasses(beanClasses)
                .addExtension(new SignalBusExtension()).initialize();
    }

    /** Boots with {@code signal-bus.*} settings given as system properties, read through MicroProfile Config. */
    static WeldContainer boot(Map<String, String> config, Class<?>... beanClasses) {
        config.forEach(System::setProperty);
        refreshConfig();
        try {
            return boot(beanClasses);
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
