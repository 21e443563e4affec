package dev.signalbus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fan-out scores of a JMH run, read from its CSV result file ({@code -rf csv}). */
final class JmhResults {

    /**
     * One JMH result: published signals per second of {@code peer} with {@code subscribers}
     * subscribers; {@code allocated} is the bytes allocated per published signal ({@code -prof gc}),
     * {@code NaN} when not profiled.
     */
    record Score(String peer, int subscribers, double score, double error, double allocated) {
    }

    private static final String ALLOCATED = "gc.alloc.rate.norm";

    private final List<Score> scores;

    private JmhResults(List<Score> scores) {
        this.scores = List.copyOf(scores);
    }

    static JmhResults read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        List<String> header = split(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int peer = header.indexOf("Param: peer");
        int subscribers = header.indexOf("Param: subscribers");
        if (score < 0 || peer < 0 || subscribers < 0) {
            throw new IOException(csv + " is not a FanOutBenchmark CSV result: " + lines.get(0));
        }
        List<Score> scores = new ArrayList<>();
        List<List<String>> allocations = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            String name = f.get(benchmark);
            if (name.endsWith(ALLOCATED)) {
                allocations.add(f);
            } else if (!name.contains(":")) { // other secondary results (gc.count, ...) are not reported
                scores.add(new Score(f.get(peer), Integer.parseInt(f.get(subscribers)),
                        Double.parseDouble(f.get(score)), error < 0 ? Double.NaN : Double.parseDouble(f.get(error)),
                        Double.NaN));
            }
        }
        for (List<String> f : allocations) {
            for (int i = 0; i < scores.size(); i++) {
                Score s = scores.get(i);
                if (s.peer().equals(f.get(peer)) && s.subscribers() == Integer.parseInt(f.get(subscribers))) {
                    scores.set(i, new Score(s.peer(), s.subscribers(), s.score(), s.error(),
                            Double.parseDouble(f.get(score))));
                }
            }
        }
        return new JmhResults(scores);
    }

    /** JMH quotes text fields and never puts commas inside them. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            fields.add(field.startsWith("\"") && field.endsWith("\"") ? field.substring(1, field.length() - 1) : field);
        }
        return fields;
    }

    List<Score> scores() {
        return scores;
    }

    Optional<Score> find(String peer, int subscribers) {
        return scores.stream().filter(s -> s.peer().equals(peer) && s.subscribers() == subscribers).findFirst();
    }

    double score(String peer, int subscribers) {
        return find(peer, subscribers).orElseThrow(() -> new IllegalStateException("No result for " + peer + " with "
                + subscribers + " subscribers")).score();
    }

    /** Signal Bus through the CDI front door when it was measured, the bare engine otherwise. */
    String ours() {
        return scores.stream().anyMatch(s -> s.peer().equals(Peers.SIGNAL_BUS)) ? Peers.SIGNAL_BUS
                : Peers.SIGNAL_BUS_ENGINE;
    }
}
