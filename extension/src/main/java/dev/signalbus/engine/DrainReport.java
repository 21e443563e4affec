package dev.signalbus.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What the drain at shutdown achieved.
 *
 * @param complete {@code true} if everything queued was delivered within the shutdown timeout
 * @param undelivered signals left per subscriber, keyed {@code "topic -> com.acme.Foo#bar"}; empty
 *        when complete
 * @param took how long the drain took
 */
public record DrainReport(boolean complete, Map<String, Long> undelivered, Duration took) {
}
