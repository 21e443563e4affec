package dev.signalbus.cdi;

import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.invoke.Invoker;

import dev.signalbus.model.MethodModel;

/**
 * A bean method with Signal Bus annotations, as a method of its bean class.
 *
 * @param beanClass the bean class (a method inherited by two beans is found once for each)
 * @param method the method in the container's annotated type
 * @param model the method as the topic graph sees it
 * @param invoker calls the method on the bean's contextual reference; {@code null} for a method that
 *        is only a publisher, or that cannot be called (reported as a problem)
 * @param proxiedBean the bean, when the invoker takes its client proxy rather than looking the
 *        instance up on each call (normal-scoped beans); otherwise {@code null}
 */
record FoundMethod(Class<?> beanClass, AnnotatedMethod<?> method, MethodModel model, Invoker<Object, Object> invoker,
        Bean<?> proxiedBean) {
}
