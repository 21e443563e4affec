package dev.signalbus.quarkus.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.signalbus.Batch;
import dev.signalbus.PeriodicTask;
import dev.signalbus.Subscribes;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveFieldBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveMethodBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Subscribers and periodic tasks are called through ArC invokers, without reflection: the build registers nothing of
 * their classes for reflection, so a native image needs no configuration for them.
 */
public class NoReflectionRegistrationTest {

    static final String CHECKED = "no-reflection-registration.checked";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Handlers.class, Names.class))
            .addBuildChainCustomizer(new Consumer<BuildChainBuilder>() {
                @Override
                public void accept(BuildChainBuilder chain) {
                    chain.addBuildStep(new BuildStep() {
                        @Override
                        public void execute(BuildContext context) {
                            List<String> registered = new ArrayList<>();
                            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                                registered.addAll(item.getClassNames());
                            }
                            for (ReflectiveMethodBuildItem item : context.consumeMulti(ReflectiveMethodBuildItem.class)) {
                                registered.add(item.getDeclaringClass() + "#" + item.getName());
                            }
                            for (ReflectiveFieldBuildItem item : context.consumeMulti(ReflectiveFieldBuildItem.class)) {
                                registered.add(item.getDeclaringClass() + "." + item.getName());
                            }
                            List<String> offending = new ArrayList<>();
                            for (String name : registered) {
                                if (name.contains(Handlers.class.getName()) || name.contains(Names.class.getName())) {
                                    offending.add(name);
                                }
                            }
                            if (!offending.isEmpty()) {
                                throw new IllegalStateException("Registered for reflection: " + offending);
                            }
                            // the application runs in another class loader: tell it through a system property
                            System.setProperty(CHECKED, String.valueOf(registered.size()));
                            context.produce(new FeatureBuildItem("no-reflection-check"));
                        }
                    }).consumes(ReflectiveClassBuildItem.class).consumes(ReflectiveMethodBuildItem.class)
                            .consumes(ReflectiveFieldBuildItem.class).produces(FeatureBuildItem.class).build();
                }
            });

    @Test
    void nothingOfTheHandlersIsRegisteredForReflection() {
        // the build step above failed the build if anything of Handlers or Names was registered
        assertThat(System.getProperty(CHECKED)).as("the check ran").isNotNull();
        assertThat(Integer.parseInt(System.getProperty(CHECKED))).as("other classes are registered").isPositive();
    }

    @ApplicationScoped
    static class Names {
        @jakarta.enterprise.inject.Produces
        @Named("prefix")
        String prefix() {
            return ">";
        }
    }

    @ApplicationScoped
    static class Handlers {
        void onSignal(@Subscribes("a") String signal, @Named("prefix") String prefix) {
        }

        @Batch(maxSize = 3)
        void onBatch(@Subscribes("a") List<String> signals) {
        }

        @PeriodicTask(every = "1h")
        void tick(@Named("prefix") String prefix) {
        }
    }
}
