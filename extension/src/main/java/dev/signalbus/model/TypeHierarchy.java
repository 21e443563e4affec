package dev.signalbus.model;

/**
 * Answers subtype questions on raw class names: reflection in the portable extension, the Jandex
 * index at Quarkus build time.
 */
public interface TypeHierarchy {

    /**
     * @return whether {@code subClass} is {@code superClass} or extends or implements it, or
     *         {@code null} when this cannot be known (the class is not visible); unknown never
     *         fails validation
     */
    Boolean isSubtype(String subClass, String superClass);

    /**
     * Finds how to read {@code key} from an instance of {@code className}: a public no-argument
     * non-void instance method named as {@link KeyAccessor#methodNames} says, declared or
     * inherited, else a public instance field of that name.
     *
     * @return the accessor; {@code null} if the class has none; {@link KeyAccessor#UNKNOWN} when
     *         this cannot be known (unknown never fails validation)
     */
    default KeyAccessor keyAccessor(String className, String key) {
        return KeyAccessor.UNKNOWN;
    }
}
