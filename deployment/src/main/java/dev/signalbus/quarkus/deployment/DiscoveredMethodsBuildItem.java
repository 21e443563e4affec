package dev.signalbus.quarkus.deployment;

import java.util.List;
import java.util.Map;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;

import dev.signalbus.model.MethodModel;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * What discovery found in the bean archives, not yet validated: the Signal Bus methods of the beans, and the classes
 * that hold Signal Bus annotations the bus cannot use. Produced only when the application has any.
 */
final class DiscoveredMethodsBuildItem extends SimpleBuildItem {

    /** Each method of a bean, declared or inherited, by its model (named after the bean class). */
    final Map<MethodModel, BeanMethod> methods;
    /** Classes annotated with {@code @Publishes} themselves, in index order. */
    final List<DotName> publishesOnClass;
    /** Concrete classes that declare Signal Bus methods but are no bean, nor a superclass of one, in name order. */
    final List<ClassInfo> notBeans;

    DiscoveredMethodsBuildItem(Map<MethodModel, BeanMethod> methods, List<DotName> publishesOnClass,
            List<ClassInfo> notBeans) {
        this.methods = methods;
        this.publishesOnClass = publishesOnClass;
        this.notBeans = notBeans;
    }

    /** A Signal Bus method and the bean it is called on. */
    record BeanMethod(BeanInfo bean, MethodInfo method) {
    }
}
