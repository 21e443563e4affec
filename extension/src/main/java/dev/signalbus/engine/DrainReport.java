package dev.signalbus.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What the drain at shutdown achieved.
 *
 * @param complete {@code true} if everything queued was delivered within the shutdown timeout and
 *        no publish was refused while the bus drained
 * @param undelivered signals left per subscriber, keyed {@code "topic -> com.acme.Foo#bar"}: those
 *        queued and those whose delivery was still running; empty when complete. It never counts
 *        fewer than were left; it may count more by a delivery that finished after the count and
 *        before the interrupt, and by one per publish caught in the instant between reserving
 *        its places and finding another subscriber's queue full (that publisher is told
 *        anyway). A publisher waiting for room holds no place and is not counted.
 *        An async publisher's result not completed by then is counted under
 *        {@code "async publisher results for topic 't' not completed"}, a periodic run still going
 *        under {@code "periodic task com.acme.Foo#bar"}.
 * @param refused publishes refused while the bus drained, per subscriber whose queue stayed full
 *        (keyed {@code "topic -> com.acme.Foo#bar"}): each was thrown to its publisher, which for
 *        a subscriber publishing in a chain failed that delivery; empty when none was
 * @param took how long the drain took
 */
public record DrainReport(boolean complete, Map<String, Long> undelivered, Map<String, Long> refused,
        Duration took) {
}
