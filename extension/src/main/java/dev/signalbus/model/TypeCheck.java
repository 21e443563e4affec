package dev.signalbus.model;

import java.util.Set;

import dev.signalbus.model.TypeRef.Kind;

/**
 * Decides whether a subscriber can accept what a publisher publishes. Only a type that can
 * <em>never</em> be accepted is a {@link Result#NO}: whatever cannot be known here (an invisible
 * class, a type variable, a narrowing that may succeed at run time) passes, because the engine
 * still checks every signal against the subscriber's class and reports a mismatch as a failure.
 */
final class TypeCheck {

    /** The outcome of a check; only {@link #NO} is an error. */
    enum Result {
        YES, MAYBE, NO;

        Result and(Result other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    static final String OPTIONAL = "java.util.Optional";
    static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
    static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
    static final String UNI = "io.smallrye.mutiny.Uni";
    static final String LIST = "java.util.List";

    private static final Set<String> WRAPPERS = Set.of(OPTIONAL, COMPLETION_STAGE, COMPLETABLE_FUTURE, UNI);
    // every array is an instance of these
    private static final Set<String> ARRAY_SUPERTYPES = Set.of("java.lang.Object", "java.lang.Cloneable",
            "java.io.Serializable");

    private final TypeHierarchy hierarchy;

    TypeCheck(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * What a method returning {@code returnType} publishes: {@code Optional}, {@code CompletionStage},
     * {@code CompletableFuture} and Mutiny {@code Uni} unwrapped (nested ones too, as the engine
     * unwraps a completed value again), primitives boxed.
     *
     * @return the signal type, or {@code null} when nothing can ever be published ({@code void},
     *         {@code Void}, {@code Optional<Void>}, {@code CompletionStage<Void>}, ...)
     */
    TypeRef signalType(TypeRef returnType) {
        switch (returnType.kind()) {
            case VOID:
                return null;
            case PRIMITIVE:
                return TypeRef.classType(returnType.erasure());
            case CLASS:
                if (returnType.name().equals("java.lang.Void")) {
                    return null;
                }
                return WRAPPERS.contains(returnType.name()) || isOtherStage(returnType.name()) ? TypeRef.OBJECT
                        : returnType;
            case PARAMETERIZED:
                if (WRAPPERS.contains(returnType.name()) && returnType.arguments().size() == 1) {
                    return signalType(upperBound(returnType.arguments().get(0)));
                }
                // a CompletionStage of our own: its value type would need the hierarchy's type
                // arguments, so it is not checked
                return isOtherStage(returnType.name()) ? TypeRef.OBJECT : returnType;
            default:
                return returnType;
        }
    }

    /** A {@code List} parameter's element type as a subscriber sees it; {@code null} if not a List. */
    static TypeRef listElement(TypeRef type) {
        if (!type.name().equals(LIST) || (type.kind() != Kind.CLASS && type.kind() != Kind.PARAMETERIZED)) {
            return null;
        }
        if (type.kind() == Kind.CLASS || type.arguments().size() != 1) {
            return TypeRef.OBJECT;
        }
        return upperBound(type.arguments().get(0));
    }

    /**
     * Whether a value of static type {@code from} (a publisher's signal type) can be accepted by a
     * parameter of type {@code to}.
     */
    Result accepts(TypeRef from, TypeRef to) {
        from = boxed(from);
        to = boxed(to);
        if (isOpen(from) || isOpen(to)) {
            return Result.MAYBE;
        }
        if (isObject(to)) {
            return Result.YES;
        }
        if (from.kind() == Kind.ARRAY) {
            if (to.kind() == Kind.ARRAY) {
                return components(from.arguments().get(0), to.arguments().get(0), false);
            }
            return ARRAY_SUPERTYPES.contains(to.name()) ? Result.YES : Result.NO;
        }
        if (to.kind() == Kind.ARRAY) {
            return ARRAY_SUPERTYPES.contains(from.name()) ? Result.MAYBE : Result.NO;
        }
        if (from.name().equals(to.name())) {
            return sameRawArguments(from, to);
        }
        Boolean up = hierarchy.isSubtype(from.name(), to.name());
        if (up == null) {
            return Result.MAYBE;
        }
        if (up) {
            // ArrayList<String> to List<Integer> would need the hierarchy's type arguments: not checked
            return Result.YES;
        }
        Boolean down = hierarchy.isSubtype(to.name(), from.name());
        if (down == null || down) {
            // a narrowing (Event published, OrderEvent subscribed) may succeed at run time
            return Result.MAYBE;
        }
        return Result.NO;
    }

    /** Java's subtyping without narrowing, for type arguments ({@code ? extends X}). */
    private Result isSubtype(TypeRef sub, TypeRef sup) {
        if (isOpen(sub) || isOpen(sup)) {
            return Result.MAYBE;
        }
        if (isObject(sup)) {
            return Result.YES;
        }
        if (sub.kind() == Kind.ARRAY) {
            if (sup.kind() == Kind.ARRAY) {
                return components(sub.arguments().get(0), sup.arguments().get(0), false);
            }
            return ARRAY_SUPERTYPES.contains(sup.name()) ? Result.YES : Result.NO;
        }
        if (sup.kind() == Kind.ARRAY) {
            return Result.NO;
        }
        if (sub.name().equals(sup.name())) {
            return sameRawArguments(sub, sup);
        }
        Boolean up = hierarchy.isSubtype(sub.name(), sup.name());
        if (up == null) {
            return Result.MAYBE;
        }
        return up ? Result.YES : Result.NO;
    }

    /** Both of the same raw class: checks the type arguments when both are parameterized. */
    private Result sameRawArguments(TypeRef from, TypeRef to) {
        if (from.kind() != Kind.PARAMETERIZED || to.kind() != Kind.PARAMETERIZED) {
            // a raw type on either side is unchecked
            return Result.YES;
        }
        if (from.arguments().size() != to.arguments().size()) {
            return Result.MAYBE;
        }
        Result result = Result.YES;
        for (int i = 0; i < from.arguments().size(); i++) {
            result = result.and(contains(to.arguments().get(i), from.arguments().get(i)));
        }
        return result;
    }

    /** Whether type argument {@code argument} lies within {@code declared} (JLS "containment"). */
    private Result contains(TypeRef declared, TypeRef argument) {
        if (argument.kind() == Kind.VARIABLE || declared.kind() == Kind.VARIABLE) {
            return Result.MAYBE;
        }
        if (declared.kind() == Kind.WILDCARD) {
            if (declared.arguments().isEmpty()) {
                return Result.YES;
            }
            if (argument.kind() == Kind.WILDCARD) {
                // List<? extends Integer> published to List<? extends Number>: lenient
                return Result.MAYBE;
            }
            TypeRef bound = declared.arguments().get(0);
            return declared.lowerBound() ? isSubtype(bound, argument) : isSubtype(argument, bound);
        }
        if (argument.kind() == Kind.WILDCARD) {
            // List<? extends Number> published, List<Number> subscribed: unchecked in Java, not failed here
            return Result.MAYBE;
        }
        return same(argument, declared);
    }

    /** Type equality, as type arguments are invariant. */
    private Result same(TypeRef a, TypeRef b) {
        if (isOpen(a) || isOpen(b)) {
            return a.equals(b) ? Result.YES : Result.MAYBE;
        }
        if (a.kind() == Kind.ARRAY || b.kind() == Kind.ARRAY) {
            return a.kind() == b.kind() ? components(a.arguments().get(0), b.arguments().get(0), true) : Result.NO;
        }
        if (!a.name().equals(b.name())) {
            return Result.NO;
        }
        if (a.kind() != Kind.PARAMETERIZED || b.kind() != Kind.PARAMETERIZED) {
            return a.kind() == b.kind() ? Result.YES : Result.MAYBE;
        }
        if (a.arguments().size() != b.arguments().size()) {
            return Result.MAYBE;
        }
        Result result = Result.YES;
        for (int i = 0; i < a.arguments().size(); i++) {
            result = result.and(same(a.arguments().get(i), b.arguments().get(i)));
        }
        return result;
    }

    private Result components(TypeRef from, TypeRef to, boolean exact) {
        if (from.kind() == Kind.PRIMITIVE || to.kind() == Kind.PRIMITIVE) {
            // int[] is not an Integer[] nor a long[]
            return from.kind() == to.kind() && from.name().equals(to.name()) ? Result.YES : Result.NO;
        }
        return exact ? same(from, to) : isSubtype(from, to);
    }

    private boolean isOtherStage(String name) {
        return !WRAPPERS.contains(name) && Boolean.TRUE.equals(hierarchy.isSubtype(name, COMPLETION_STAGE));
    }

    private static TypeRef upperBound(TypeRef type) {
        if (type.kind() != Kind.WILDCARD) {
            return type;
        }
        return type.arguments().isEmpty() || type.lowerBound() ? TypeRef.OBJECT : type.arguments().get(0);
    }

    private static TypeRef boxed(TypeRef type) {
        return type.kind() == Kind.PRIMITIVE ? TypeRef.classType(type.erasure()) : type;
    }

    private static boolean isOpen(TypeRef type) {
        return type.kind() == Kind.VARIABLE || type.kind() == Kind.WILDCARD || type.kind() == Kind.VOID;
    }

    private static boolean isObject(TypeRef type) {
        return type.kind() == Kind.CLASS && type.name().equals("java.lang.Object");
    }
}
