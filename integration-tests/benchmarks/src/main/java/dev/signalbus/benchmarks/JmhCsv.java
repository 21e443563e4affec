package dev.signalbus.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a JMH CSV result file ({@code -rf csv}): one per benchmark method and parameter set,
 * with the bytes allocated per operation from {@code -prof gc} merged in. The benchmark-specific
 * readers ({@link JmhResults}, {@link RequestContextResults}) build on it.
 */
final class JmhCsv {

    /**
     * One primary result: the benchmark's full name, its {@code @Param} values by name, the score,
     * JMH's 99.9% error and the bytes allocated per operation ({@code NaN} when JMH gave none).
     */
    record Row(String benchmark, Map<String, String> params, double score, double error, String unit,
            double allocated) {
    }

    private static final String ALLOCATED = ":gc.alloc.rate.norm";
    private static final String PARAM = "Param: ";

    private JmhCsv() {
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        List<String> header = split(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int unit = header.indexOf("Unit");
        if (benchmark < 0 || score < 0 || unit < 0) {
            throw new IOException(csv + " is not a JMH CSV result: " + lines.get(0));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Double> allocated = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith(PARAM) && i < f.size() && !f.get(i).isEmpty()) {
                    params.put(header.get(i).substring(PARAM.length()), f.get(i));
                }
            }
            String name = f.get(benchmark);
            // the parameters are keyed in the order of the file's columns, the same for every line
            if (name.endsWith(ALLOCATED)) {
                allocated.put(name.substring(0, name.length() - ALLOCATED.length()) + params, number(f.get(score)));
            } else if (!name.contains(":")) { // other secondary results (gc.count, ...) are not reported
                rows.add(new Row(name, Collections.unmodifiableMap(params), number(f.get(score)),
                        error < 0 ? Double.NaN : number(f.get(error)), f.get(unit), Double.NaN));
            }
        }
        List<Row> merged = new ArrayList<>();
        for (Row r : rows) {
            merged.add(new Row(r.benchmark(), r.params(), r.score(), r.error(), r.unit(),
                    allocated.getOrDefault(r.benchmark() + r.params(), Double.NaN)));
        }
        return merged;
    }

    private static double number(String field) {
        return Double.parseDouble(field);
    }

    /** JMH quotes text fields and never puts commas inside them. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            fields.add(field.startsWith("\"") && field.endsWith("\"") ? field.substring(1, field.length() - 1) : field);
        }
        return fields;
    }
}
