package dev.signalbus.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the generated Quarkus applications of the benchmarks ({@link StartupApps}, {@link QuarkusBenchApp}) share:
 * the pom of an application that uses the extension from the reactor (versions from the project's parent, which
 * imports the Quarkus BOM; no {@code mvn install}), and writing a file.
 */
final class GeneratedApps {

    private GeneratedApps() {
    }

    /**
     * @param toRoot the path from the application's folder to the project's root
     * @param dependencies more {@code <dependency>} elements, indented as in the pom, or {@code ""}
     */
    static String pom(Path toRoot, String artifactId, String dependencies) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <!-- versions from the project's parent, which imports the Quarkus BOM -->
                  <parent>
                    <groupId>dev.signalbus</groupId>
                    <artifactId>signal-bus-parent</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <relativePath>%s/pom.xml</relativePath>
                  </parent>
                  <artifactId>%s</artifactId>
                  <dependencies>
                    <dependency>
                      <groupId>dev.signalbus</groupId>
                      <artifactId>quarkus-signal-bus</artifactId>
                    </dependency>
                %s    <!-- only so that the reactor builds the deployment module first; Quarkus resolves it -->
                    <dependency>
                      <groupId>dev.signalbus</groupId>
                      <artifactId>quarkus-signal-bus-deployment</artifactId>
                      <version>${project.version}</version>
                      <type>pom</type>
                      <scope>test</scope>
                      <exclusions>
                        <exclusion>
                          <groupId>*</groupId>
                          <artifactId>*</artifactId>
                        </exclusion>
                      </exclusions>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.quarkus</groupId>
                        <artifactId>quarkus-maven-plugin</artifactId>
                        <extensions>true</extensions>
                        <executions>
                          <execution>
                            <goals>
                              <goal>build</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(toRoot, artifactId, dependencies);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
