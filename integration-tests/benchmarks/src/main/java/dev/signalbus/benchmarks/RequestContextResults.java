package dev.signalbus.benchmarks;

import java.io.IOException;
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

    private final List<Score> scores;

    private RequestContextResults(List<Score> scores) {
        this.scores = List.copyOf(scores);
    }

    static RequestContextResults read(Path csv) throws IOException {
        String prefix = RequestContextBenchmark.class.getName() + ".";
        List<Score> scores = new ArrayList<>();
        for (JmhCsv.Row row : JmhCsv.read(csv)) {
            if (!row.benchmark().startsWith(prefix)) {
                throw new IOException(csv + " is not a RequestContextBenchmark CSV result: " + row.benchmark());
            }
            String name = row.benchmark().substring(prefix.length());
            if (!row.unit().equals("ns/op")) {
                throw new IOException(csv + ": " + name + " is in " + row.unit() + ", not ns/op");
            }
            scores.add(new Score(name, row.score(), row.error(), row.allocated()));
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
