package dev.signalbus.model;

/**
 * Answers subtype questions on raw class names: reflection in the portable extension, the Jandex
 * index at Quarkus build time.
 */
@FunctionalInterface
public interface TypeHierarchy {

    /**
     * @return whether {@code subClass} is {@code superClass} or extends or implements it, or
     *         {@code null} when this cannot be known (the class is not visible); unknown never
     *         fails validation
     */
    Boolean isSubtype(String subClass, String superClass);
}
