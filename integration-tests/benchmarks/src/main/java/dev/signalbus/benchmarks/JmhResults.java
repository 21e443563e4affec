package dev.signalbus.benchmarks;

import java.io.IOException;
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

    private final List<Score> scores;

    private JmhResults(List<Score> scores) {
        this.scores = List.copyOf(scores);
    }

    static JmhResults read(Path csv) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (JmhCsv.Row row : JmhCsv.read(csv)) {
            String peer = row.params().get("peer");
            String subscribers = row.params().get("subscribers");
            if (peer == null || subscribers == null) {
                throw new IOException(csv + " is not a FanOutBenchmark CSV result: " + row.benchmark() + " "
                        + row.params());
            }
            scores.add(new Score(peer, Integer.parseInt(subscribers), row.score(), row.error(), row.allocated()));
        }
        return new JmhResults(scores);
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
