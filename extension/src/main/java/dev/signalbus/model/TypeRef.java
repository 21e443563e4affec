package dev.signalbus.model;

import java.util.List;

/**
 * A Java type, independent of where it was read from (reflection in the portable extension,
 * Jandex at Quarkus build time), so that topic type checking is written once.
 *
 * @param kind what sort of type
 * @param name the binary class name ({@code "java.util.List"}, {@code "int"}), or the variable
 *        name for {@link Kind#VARIABLE}, {@code "?"} for a wildcard
 * @param arguments type arguments of a {@link Kind#PARAMETERIZED} type; the component of an
 *        {@link Kind#ARRAY}; the bound of a wildcard or variable (empty when unbounded)
 * @param lowerBound for a wildcard, whether the bound is {@code ? super X}
 */
public record TypeRef(Kind kind, String name, List<TypeRef> arguments, boolean lowerBound) {

    /** Sorts of types. */
    public enum Kind {
        CLASS, PARAMETERIZED, ARRAY, PRIMITIVE, VOID, WILDCARD, VARIABLE
    }

    public TypeRef {
        arguments = List.copyOf(arguments);
    }

    public static TypeRef classType(String name) {
        return new TypeRef(Kind.CLASS, name, List.of(), false);
    }

    public static TypeRef parameterized(String name, List<TypeRef> arguments) {
        return new TypeRef(Kind.PARAMETERIZED, name, arguments, false);
    }
}
