package dev.signalbus.reliability.weld;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.signalbus.cdi.SignalBusExtension;

/**
 * Boots a Weld SE container the way an application does — the portable extension, the
 * application's beans, {@code signal-bus.*} through MicroProfile Config (SmallRye Config reads
 * system properties) — with exactly the given bean classes, so that each case has its own topics.
 */
final class WeldBus {

    private WeldBus() {
    }

    static WeldContainer boot(Map<String, String> config, Class<?>... beanClasses) {
        return boot(new SignalBusExtension(), config, beanClasses);
    }

    /**
     * @param extension the extension instance, so that a case can watch it (e.g. for garbage collection)
     * @param config {@code signal-bus.*} settings, set as system properties while the container boots
     */
    static WeldContainer boot(SignalBusExtension extension, Map<String, String> config, Class<?>... beanClasses) {
        config.forEach(System::setProperty);
        refreshConfig();
        try {
            return new Weld("reliability-" + UUID.randomUUID())
                    .disableDiscovery()
                    .addBeanClasses(beanClasses)
                    .addExtension(extension)
                    // the case closes its container itself, like an application's main method
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .initialize();
        } finally {
            config.keySet().forEach(System::clearProperty);
            refreshConfig();
        }
    }

    /** SmallRye Config caches the configuration: drop it so that the next boot reads the system properties again. */
    private static void refreshConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }
}
