package dev.signalbus.it.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the receivers' files say about ids {@code 0 .. expected-1}: union over instances. Shared with
 * integration-tests/bridge-kafka-weld through this module's test-jar.
 *
 * @param lines every line read (deliveries)
 * @param distinct ids delivered at least once
 * @param duplicates lines - distinct
 * @param lost expected - distinct
 * @param strays lines that are not an expected id (should be none)
 */
public record Ids(long expected, long lines, long distinct, long duplicates, long lost, long strays) {

    public static Ids count(long expected, List<Path> files) throws IOException {
        int[] seen = new int[Math.toIntExact(expected)];
        long lines = 0;
        long strays = 0;
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            try (Stream<String> all = Files.lines(file)) {
                for (String line : (Iterable<String>) all::iterator) {
                    if (line.isEmpty()) {
                        continue; // a SIGKILL may cut no write in half (one write(2) per id), but be lenient
                    }
                    lines++;
                    long id;
                    try {
                        id = Long.parseLong(line);
                    } catch (NumberFormatException e) {
                        strays++;
                        continue;
                    }
                    if (id < 0 || id >= expected) {
                        strays++;
                    } else {
                        seen[(int) id]++;
                    }
                }
            }
        }
        long distinct = Arrays.stream(seen).filter(n -> n > 0).count();
        return new Ids(expected, lines, distinct, lines - distinct - strays, expected - distinct, strays);
    }

    public static Ids count(long expected, Path... files) throws IOException {
        return count(expected, List.of(files));
    }

    /** The ids in one file, as a set of longs. */
    public static java.util.Set<Long> read(Path file) throws IOException {
        try (Stream<String> all = Files.lines(file)) {
            return all.filter(s -> !s.isEmpty()).map(Long::parseLong).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** {@code BRIDGE case N: delivered=… duplicates=… lost=…} */
    public String line(int caseNumber) {
        return line("case " + caseNumber);
    }

    /** {@code BRIDGE <what>: delivered=… duplicates=… lost=…} */
    public String line(String what) {
        return "BRIDGE " + what + ": delivered=" + distinct + " duplicates=" + duplicates + " lost=" + lost;
    }
}
