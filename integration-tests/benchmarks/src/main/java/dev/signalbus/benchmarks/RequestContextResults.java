package dev.signalbus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-call costs of a {@link RequestContextBenchmark} run, read from its CSV result file ({@code -rf
 * csv}). Separate from {@link JmhResults}, which is specific to the fan-out benchmark's parameters.
 */
final class RequestContextResults {

    /**
     * One benchmark: its short name ({@code plainCall}, ...), ns per call and JMH's 99.9% error
     * ({@code NaN} when JMH gave none); {@code allocated} is the bytes allocated per call
     * ({@code -prof gc}), {@code NaN} when not profiled.
     */
    record Score(String benchmark, double nanos, double error, double allocated) {
    }

    private static final String ALLOCATED = "gc.alloc.rate.norm";

    private final List<Score> scores;

    private RequestContextResults(List<Score> scores) {
        this.scores = List.copyOf(scores);
    }

    static RequestContextResults read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        List<String> header = JmhResults.split(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int unit = header.indexOf("Unit");
        if (benchmark < 0 || score < 0 || unit < 0) {
            throw new IOException(csv + " is not a JMH CSV result: " + lines.get(0));
        }
        String prefix = RequestContextBenchmark.class.getName() + ".";
        List<Score> scores = new ArrayList<>();
        List<List<String>> allocations = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = JmhResults.split(line);
            String name = f.get(benchmark);
            if (!name.startsWith(prefix)) {
                throw new IOException(csv + " is not a RequestContextBenchmark CSV result: " + name);
            }
            name = name.substring(prefix.length());
            if (name.endsWith(":" + ALLOCATED)) {
                allocations.add(f);
            } else if (!name.contains(":")) { // other secondary results (gc.count, ...) are not reported
                if (!f.get(unit).equals("ns/op")) {
                    throw new IOException(csv + ": " + name + " is in " + f.get(unit) + ", not ns/op");
                }
                scores.add(new Score(name, Double.parseDouble(f.get(score)),
                        error < 0 ? Double.NaN : Double.parseDouble(f.get(error)), Double.NaN));
            }
        }
        for (List<String> f : allocations) {
            String name = f.get(benchmark).substring(prefix.length());
            name = name.substring(0, name.indexOf(':'));
            for (int i = 0; i < scores.size(); i++) {
                Score s = scores.get(i);
                if (s.benchmark().equals(name)) {
                    scores.set(i, new Score(s.benchmark(), s.nanos(), s.error(), Double.parseDouble(f.get(score))));
                }
            }
        }
        // the order of the benchmark's declaration (the baseline first), not JMH's alphabetical one
        List<Score> ordered = new ArrayList<>();
        for (String name : RequestContextBenchmark.BENCHMARKS) {
            scores.stream().filter(s -> s.benchmark().equals(name)).forEach(ordered::add);
        }
        scores.stream().filter(s -> !RequestContextBenchmark.BENCHMARKS.contains(s.benchmark())).forEach(ordered::add);
        return new RequestContextResults(ordered);
    }

    List<Score> scores() {
        return scores;
    }

    Optional<Score> find(String benchmark) {
        return scores.stream().filter(s -> s.benchmark().equals(benchmark)).findFirst();
    }
}
