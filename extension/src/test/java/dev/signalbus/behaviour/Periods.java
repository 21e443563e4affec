package dev.signalbus.behaviour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measures periodic runs. */
public final class Periods {

    private Periods() {
    }

    /**
     * The median time between consecutive runs. A fixed-rate schedule catches up after a late run
     * (a short gap follows a long one), so single gaps say little on a busy machine; the median does.
     */
    public static Duration medianGap(List<Long> runNanos) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < runNanos.size(); i++) {
            gaps.add(runNanos.get(i) - runNanos.get(i - 1));
        }
        Collections.sort(gaps);
        return Duration.ofNanos(gaps.get(gaps.size() / 2));
    }
}
