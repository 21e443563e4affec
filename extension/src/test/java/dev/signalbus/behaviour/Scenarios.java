package dev.signalbus.behaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the scenarios of the suite: every concrete {@link Scenario} in this package and below. */
public final class Scenarios {

    private static final String PACKAGE = Scenario.class.getPackageName().replace('.', '/') + '/';

    private Scenarios() {
    }

    /** Every scenario class, by name. */
    public static List<Class<? extends Scenario>> all() {
        List<Class<? extends Scenario>> all = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = load(name);
            if (Scenario.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                all.add(type.asSubclass(Scenario.class));
            }
        }
        all.sort(Comparator.comparing(Class::getName));
        return all;
    }

    /** A new instance of {@code type}. */
    public static <S extends Scenario> S create(Class<S> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a public no-argument constructor", e);
        }
    }

    private static List<String> classNames() {
        try {
            Path location = Path.of(Scenario.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(PACKAGE))) {
                    return files.map(file -> location.relativize(file).toString().replace('\\', '/'))
                            .filter(Scenarios::isTopLevelClass).map(Scenarios::className).toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(PACKAGE) && isTopLevelClass(name)).map(Scenarios::className)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTopLevelClass(String path) {
        return path.endsWith(".class") && !path.contains("$") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Scenario.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
