package dev.signalbus.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.invoke.Invoker;

import org.junit.jupiter.api.Test;

import dev.signalbus.quarkus.runtime.Invokers;

/**
 * The generated {@link Invokers}: number {@code i} creates invoker class {@code i}, across the parts
 * the class is split into (1,201 numbers: three parts of at most 500), and a number out of range is
 * an error, not another method's invoker.
 */
public class GeneratedInvokersTest {

    private static final List<Class<?>> KINDS = List.of(First.class, Second.class, Third.class);

    @Test
    void everyNumberCreatesItsOwnInvoker() throws Exception {
        int count = 1_201;
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            classes.add(KINDS.get(i % KINDS.size()).getName());
        }
        Map<String, byte[]> generated = new HashMap<>();
        SignalBusProcessor.generateInvokers((name, bytes) -> generated.put(name.replace('/', '.'), bytes), classes,
                List.of());

        Invokers invokers = (Invokers) new DefiningLoader(generated).loadClass(Invokers.GENERATED)
                .getDeclaredConstructor().newInstance();

        for (int i = 0; i < count; i++) {
            assertThat(invokers.create(i)).as("invoker %d", i).isExactlyInstanceOf(KINDS.get(i % KINDS.size()));
        }
        assertThatThrownBy(() -> invokers.create(count)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invokers.create(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Defines the generated class; everything else comes from the test's class loader. */
    private static final class DefiningLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        DefiningLoader(Map<String, byte[]> classes) {
            super(GeneratedInvokersTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    public static class First implements Invoker<Object, Object> {
        @Override
        public Object invoke(Object instance, Object[] arguments) {
            return "first";
        }
    }

    public static class Second extends First {
    }

    public static class Third extends First {
    }
}
