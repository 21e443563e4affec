package dev.signalbus.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark mains. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + Arrays.toString(args));
            }
            values.put(args[i], args[++i]);
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String otherwise) {
        String value = values.getOrDefault(name, otherwise);
        if (value == null) {
            throw new IllegalArgumentException("Missing option " + name);
        }
        return value;
    }

    int integer(String name, int otherwise) {
        return has(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    double decimal(String name, double otherwise) {
        return has(name) ? Double.parseDouble(values.get(name)) : otherwise;
    }

    List<String> list(String name, List<String> otherwise) {
        return has(name) ? List.of(values.get(name).split(",")) : otherwise;
    }
}
