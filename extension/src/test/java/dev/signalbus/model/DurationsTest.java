package dev.signalbus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "1ms, PT0.001S",
            "0.5ms, PT0.0005S",
            "0.5s, PT0.5S",
            "10s, PT10S",
            "0s, PT0S",
            "5m, PT5M",
            "1.5m, PT1M30S",
            "2h, PT2H",
            "1.5h, PT1H30M",
            "1d, PT24H",
            "500MS, PT0.5S",
            "5S, PT5S",
            "5M, PT5M",
            "2H, PT2H",
            "1D, PT24H",
            "' 5s ', PT5S",
            "5 s, PT5S",
            "PT0.5S, PT0.5S",
            "P1D, PT24H",
            "pt2m, PT2M",
            "PT1H30M, PT1H30M",
    })
    void parsesUnitsAndIso(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "soon", "5", "5x", "s", ".5s", "5.s", "1e3ms", "PT", "P1Y", "0.0000000001s", "5 m s" })
    void rejectsGarbageQuotingTheInputAndListingTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("\"500ms\"")
                .hasMessageContaining("\"PT0.5S\"")
                .hasMessageContaining("${key}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-5s", "-500ms", "PT-1S", "-PT1S" })
    void rejectsNegativeDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = { "200000d", "366d", "8761h", "P366D", "PT9000H", "99999999999999999999s" })
    void rejectsDurationsLongerThan365Days(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("longer than 365 days");
    }

    @Test
    void accepts365Days() {
        assertThat(Durations.parse("365d")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("P365D")).isEqualTo(Durations.MAX);
    }

    @Test
    void uncheckedParseLeavesSignAndLengthToTheCaller() {
        assertThat(Durations.parseUnchecked("-5s")).isEqualTo(Duration.ofSeconds(-5));
        assertThat(Durations.parseUnchecked("P366D")).isEqualTo(Duration.ofDays(366));
        // a unit form past the bound comes back just past it, however long it was
        assertThat(Durations.parseUnchecked("366d")).isEqualTo(Durations.MAX.plusSeconds(1));
        assertThat(Durations.parseUnchecked("200000000000000000000d")).isEqualTo(Durations.MAX.plusSeconds(1));
        assertThatThrownBy(() -> Durations.parseUnchecked("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid duration \"soon\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  " })
    void rejectsBlank(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it is blank")
                .hasMessageContaining("\"5m\"");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Durations.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void literalParseRejectsAnExpressionAndPointsToTheResolverVariant() {
        assertThatThrownBy(() -> Durations.parse("${ticks.every}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"${ticks.every}\"")
                .hasMessageContaining("Durations.parse(text, resolver)");
    }

    @Test
    void expressionKeyReturnsTheKey() {
        assertThat(Durations.expressionKey("${ticks.every}")).isEqualTo("ticks.every");
        assertThat(Durations.expressionKey(" ${ ticks.every } ")).isEqualTo("ticks.every");
        assertThat(Durations.expressionKey("${ticks.every:5s}")).isEqualTo("ticks.every");
    }

    @ParameterizedTest
    @ValueSource(strings = { "5s", "PT5S", "${}", "${:5s}", "$ticks", "{ticks}", "${a}${b}", "x${a}" })
    void expressionKeyIsNullForAnythingElse(String text) {
        assertThat(Durations.expressionKey(text)).isNull();
    }

    @Test
    void expressionKeyOfNullIsNull() {
        assertThat(Durations.expressionKey(null)).isNull();
    }

    @Test
    void resolvesAnExpressionThroughTheResolver() {
        Function<String, String> config = Map.of("ticks.every", "250ms")::get;

        assertThat(Durations.parse("${ticks.every}", config)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void returnsNullWhenTheExpressionCannotBeResolvedNow() {
        assertThat(Durations.parse("${ticks.every}", key -> null)).isNull();
        assertThat(Durations.parse("${ticks.every}", null)).isNull();
    }

    @Test
    void usesTheDefaultOnlyWhenTheResolverHasNoValue() {
        assertThat(Durations.parse("${ticks.every:2s}", key -> null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("${ticks.every:2s}", key -> "3s")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badResolvedValueNamesTheKey() {
        assertThatThrownBy(() -> Durations.parse("${ticks.every}", key -> "banana"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"banana\"")
                .hasMessageContaining("config key \"ticks.every\"")
                .hasMessageContaining("\"500ms\"");
    }

    @Test
    void badDefaultIsReportedAsTheDefault() {
        assertThatThrownBy(() -> Durations.parse("${ticks.every:-1s}", key -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative")
                .hasMessageContaining("the default of \"${ticks.every:-1s}\"");
    }

    @Test
    void resolverVariantParsesLiteralsWithoutAskingTheResolver() {
        assertThat(Durations.parse("5m", key -> {
            throw new AssertionError("not an expression: " + key);
        })).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> Durations.parse("later", key -> "1s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"later\"");
    }
}
