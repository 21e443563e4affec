package dev.signalbus.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The stop-the-world collections of this JVM during a window, from the {@link GarbageCollectorMXBean}s' collection
 * count and time read at its start and at its end (the deltas). The beans of concurrent collectors' cycles (ZGC's and
 * Shenandoah's "Cycles" beans, whose time runs beside the application) are left out; their "Pauses" beans count. With
 * G1 (the JVM's choice on this machine) the "G1 Young Generation" and "G1 Old Generation" beans report the
 * evacuation and full-collection pauses; on JDK 17 the Remark and Cleanup pauses of a concurrent cycle are in no bean
 * (JDK 20 added "G1 Concurrent GC" for them, counted here when present), so the figure can fall short of every pause.
 * The time is the beans' own, in whole milliseconds.
 */
final class GcPauses {

    /** What the window saw: pauses counted and their summed time in milliseconds. */
    record Window(long count, long millis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d pauses, %d ms", count, millis);
        }
    }

    private final List<GarbageCollectorMXBean> beans;
    private final long count;
    private final long millis;

    private GcPauses(List<GarbageCollectorMXBean> beans) {
        this.beans = beans;
        this.count = count(beans);
        this.millis = millis(beans);
    }

    /** Starts a window now. */
    static GcPauses start() {
        return new GcPauses(ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(bean -> pauses(bean.getName())).toList());
    }

    /** Ends the window: the pauses since {@link #start()}. */
    Window stop() {
        return new Window(count(beans) - count, millis(beans) - millis);
    }

    /** Whether a collector bean of that name reports pauses (not a concurrent collector's cycles). */
    static boolean pauses(String beanName) {
        return !beanName.endsWith("Cycles");
    }

    private static long count(List<GarbageCollectorMXBean> beans) {
        return beans.stream().mapToLong(b -> Math.max(0, b.getCollectionCount())).sum();
    }

    private static long millis(List<GarbageCollectorMXBean> beans) {
        return beans.stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }
}
