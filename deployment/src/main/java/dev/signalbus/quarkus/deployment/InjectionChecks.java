package dev.signalbus.quarkus.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import dev.signalbus.model.Problems;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.processor.BeanDeployment;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BeanResolver;

/**
 * Resolves the injected parameters of subscriber and periodic methods with ArC's own resolver, only in a build that
 * already fails for Signal Bus problems (otherwise ArC validates them through the invokers), so that unsatisfied and
 * ambiguous parameters are reported in the same failure.
 */
final class InjectionChecks {

    private static final DotName DEFAULT = DotName.createSimple(Default.class);
    private static final DotName CONFIG_PROPERTY = DotName.createSimple(ConfigProperty.class);
    // provided by the container itself, not by beans the resolver knows
    private static final Set<DotName> BUILT_IN = Set.of(DotName.createSimple(Instance.class),
            DotName.createSimple(Provider.class), DotName.createSimple(InjectableInstance.class),
            DotName.createSimple(Event.class), DotName.createSimple(InjectionPoint.class),
            DotName.createSimple(BeanManager.class));

    private InjectionChecks() {
    }

    static List<String> check(List<SignalBusProblemsBuildItem.Lookups> lookups, BeanDeployment deployment) {
        Set<DotName> qualifierNames = new HashSet<>();
        for (ClassInfo qualifier : deployment.getQualifiers()) {
            qualifierNames.add(qualifier.name());
        }
        BeanResolver resolver = deployment.getBeanResolver();
        List<String> problems = new ArrayList<>();
        for (SignalBusProblemsBuildItem.Lookups lookup : lookups) {
            for (MethodParameterInfo parameter : lookup.method().parameters()) {
                if (parameter.position() == lookup.signalIndex() || BUILT_IN.contains(parameter.type().name())) {
                    continue;
                }
                Set<AnnotationInstance> qualifiers = new HashSet<>();
                List<String> written = new ArrayList<>();
                for (AnnotationInstance annotation : parameter.declaredAnnotations()) {
                    if (qualifierNames.contains(annotation.name())) {
                        qualifiers.add(annotation);
                        if (!annotation.name().equals(DEFAULT)) {
                            written.add(annotation.toString());
                        }
                    }
                }
                if (qualifiers.stream().anyMatch(q -> q.name().equals(CONFIG_PROPERTY))) {
                    continue;
                }
                if (qualifiers.isEmpty()) {
                    qualifiers.add(AnnotationInstance.builder(DEFAULT).build());
                }
                Type type = parameter.type().kind() == Type.Kind.PRIMITIVE
                        ? PrimitiveType.box(parameter.type().asPrimitiveType())
                        : parameter.type();
                Set<BeanInfo> beans = resolver.resolveBeans(type, qualifiers);
                if (beans.isEmpty()) {
                    problems.add(Problems.unsatisfied(lookup.signature(), parameter.position(), parameter.name(),
                            parameter.type().toString(), written));
                    continue;
                }
                try {
                    resolver.resolveAmbiguity(beans);
                } catch (AmbiguousResolutionException e) {
                    List<String> classes = new ArrayList<>();
                    for (BeanInfo bean : beans) {
                        classes.add(bean.getBeanClass().toString());
                    }
                    problems.add(Problems.ambiguous(lookup.signature(), parameter.position(), parameter.name(),
                            parameter.type().toString(), written, classes));
                }
            }
        }
        return problems;
    }
}
