package dev.signalbus.quarkus.deployment.test.observability;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** Reads one sample of the Prometheus text at {@code /q/metrics}. */
final class Scrape {

    private Scrape() {
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the sample {@code name} with (at least) these labels, or {@code null} if there is none.
     */
    static Double value(String text, String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            String labelText = line.substring(name.length() + 1, close);
            boolean all = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!labelText.contains(label.getKey() + "=\"" + label.getValue() + "\"")) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
            }
        }
        return null;
    }
}
