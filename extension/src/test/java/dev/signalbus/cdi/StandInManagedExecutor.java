package dev.signalbus.cdi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

/**
 * Stands in for a server's default managed scheduled executor on Weld SE: a proxy that forwards
 * every call to a plain pool. Used by this module's tests and, through its test-jar, by the
 * reliability suite.
 */
public final class StandInManagedExecutor {

    private StandInManagedExecutor() {
    }

    /** @return a {@link ManagedScheduledExecutorService} whose every method runs on {@code pool} */
    public static ManagedScheduledExecutorService over(ScheduledThreadPoolExecutor pool) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(StandInManagedExecutor.class.getClassLoader(),
                new Class<?>[] { ManagedScheduledExecutorService.class }, (proxy, method, args) -> {
                    Method target = method.getDeclaringClass() == Object.class ? method
                            : ScheduledThreadPoolExecutor.class.getMethod(method.getName(), method.getParameterTypes());
                    try {
                        return target.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
