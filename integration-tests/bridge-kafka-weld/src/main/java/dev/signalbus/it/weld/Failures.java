package dev.signalbus.it.weld;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.signalbus.SignalFailure;

/**
 * Every {@link SignalFailure} this JVM observes, one line each in {@code app.failures-file}:
 * {@code target <TAB> signal <TAB> error}, line breaks escaped.
 */
@ApplicationScoped
public class Failures {

    @Inject
    @ConfigProperty(name = "app.failures-file", defaultValue = "failures.txt")
    String failuresFile;

    synchronized void on(@Observes SignalFailure failure) throws IOException {
        Path file = Path.of(failuresFile).toAbsolutePath();
        Files.createDirectories(file.getParent());
        String line = failure.target() + "\t" + escape(String.valueOf(failure.signal())) + "\t"
                + escape(String.valueOf(failure.failure())) + "\n";
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
