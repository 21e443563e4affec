package dev.signalbus.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the two applications of {@link StartupApps} alternately, {@code runs} times each, reads
 * Quarkus' own "started in" figure from each start's log, stops the application, and writes the
 * median and every figure.
 * <p>
 * Usage: {@code StartupRun --dir target/quarkus-startup --out startup.tsv [--runs 5]}.
 */
public final class StartupRun {

    private static final Pattern STARTED = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s");

    /** One application's start-up times in milliseconds. */
    record Result(String app, int subscriberMethods, double medianMillis, double[] millis) {

        static final String HEADER = "app\tsubscriber methods\tmedian ms\tall ms";

        String line() {
            StringBuilder all = new StringBuilder();
            for (double m : millis) {
                all.append(all.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.0f", m));
            }
            return String.format(Locale.ROOT, "%s\t%d\t%.0f\t%s", app, subscriberMethods, medianMillis, all);
        }

        static Result parse(String line) {
            String[] f = line.split("\t");
            double[] all = Arrays.stream(f[3].split(",")).mapToDouble(Double::parseDouble).toArray();
            return new Result(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), all);
        }
    }

    private StartupRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Args a = new Args(args);
        Path dir = Path.of(a.text("--dir", null));
        int runs = a.integer("--runs", 5);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path empty = dir.resolve(StartupApps.EMPTY).resolve("target/quarkus-app/quarkus-run.jar");
        Path full = dir.resolve(StartupApps.SUBSCRIBERS).resolve("target/quarkus-app/quarkus-run.jar");
        int methods = countMethods(dir.resolve(StartupApps.SUBSCRIBERS).resolve("src/main/java/bench"));
        double[] emptyMillis = new double[runs];
        double[] fullMillis = new double[runs];
        start(java, empty); // a first start of each warms the file system cache; not counted
        start(java, full);
        for (int i = 0; i < runs; i++) {
            emptyMillis[i] = start(java, empty);
            fullMillis[i] = start(java, full);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(a.text("--out", "startup.tsv"))), true,
                StandardCharsets.UTF_8)) {
            out.println(Result.HEADER);
            for (Result r : List.of(new Result(StartupApps.EMPTY, 0, median(emptyMillis), emptyMillis),
                    new Result(StartupApps.SUBSCRIBERS, methods, median(fullMillis), fullMillis))) {
                System.out.println(r.line());
                out.println(r.line());
            }
        }
    }

    private static int countMethods(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return 0;
        }
        int count = 0;
        try (var files = Files.list(sources)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("@Subscribes(")) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Starts the application, waits for its "started in" line, stops it; returns the figure in ms. */
    static double start(String java, Path jar) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the start-up reactor first");
        }
        Process process = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                seen.add(line);
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    return Double.parseDouble(started.group(1)) * 1000;
                }
            }
            throw new IllegalStateException(jar + " ended without a \"started in\" line:\n" + String.join("\n", seen));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static List<Result> read(Path file) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("app\t")) {
                results.add(Result.parse(line));
            }
        }
        return results;
    }
}
