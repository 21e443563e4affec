package dev.signalbus.model;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A Java type, independent of where it was read from (reflection in the portable extension,
 * Jandex at Quarkus build time), so that topic type checking is written once.
 * <p>
 * Build one with the factories, e.g. {@code List<? extends Number>}:
 * <pre>{@code
 * TypeRef.parameterized("java.util.List", List.of(TypeRef.wildcardExtends(TypeRef.classType("java.lang.Number"))));
 * }</pre>
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

    /** {@code java.lang.Object}. */
    public static final TypeRef OBJECT = classType("java.lang.Object");

    /** The {@code void} pseudo-type of a method that returns nothing. */
    public static final TypeRef VOID = new TypeRef(Kind.VOID, "void", List.of(), false);

    private static final Map<String, String> BOXES = Map.of("boolean", "java.lang.Boolean", "byte",
            "java.lang.Byte", "short", "java.lang.Short", "char", "java.lang.Character", "int",
            "java.lang.Integer", "long", "java.lang.Long", "float", "java.lang.Float", "double",
            "java.lang.Double", "void", "java.lang.Void");

    private static final Map<String, String> DESCRIPTORS = Map.of("boolean", "Z", "byte", "B", "short", "S",
            "char", "C", "int", "I", "long", "J", "float", "F", "double", "D");

    public TypeRef {
        arguments = List.copyOf(arguments);
    }

    /** A non-generic class or interface, or a generic one used raw. */
    public static TypeRef classType(String name) {
        return new TypeRef(Kind.CLASS, name, List.of(), false);
    }

    /** A generic class or interface with its type arguments. */
    public static TypeRef parameterized(String name, List<TypeRef> arguments) {
        return new TypeRef(Kind.PARAMETERIZED, name, arguments, false);
    }

    /** A primitive type: {@code "int"}, {@code "boolean"}, ... */
    public static TypeRef primitive(String name) {
        return new TypeRef(Kind.PRIMITIVE, name, List.of(), false);
    }

    /** An array of {@code component}. */
    public static TypeRef arrayOf(TypeRef component) {
        return new TypeRef(Kind.ARRAY, "[]", List.of(component), false);
    }

    /** The unbounded wildcard {@code ?}. */
    public static TypeRef wildcard() {
        return new TypeRef(Kind.WILDCARD, "?", List.of(), false);
    }

    /** {@code ? extends bound}. */
    public static TypeRef wildcardExtends(TypeRef bound) {
        return new TypeRef(Kind.WILDCARD, "?", List.of(bound), false);
    }

    /** {@code ? super bound}. */
    public static TypeRef wildcardSuper(TypeRef bound) {
        return new TypeRef(Kind.WILDCARD, "?", List.of(bound), true);
    }

    /** A type variable such as {@code T extends Number}; {@code bounds} is empty when unbounded. */
    public static TypeRef variable(String name, List<TypeRef> bounds) {
        return new TypeRef(Kind.VARIABLE, name, bounds, false);
    }

    /**
     * The class every value of this type is an instance of, as a name {@code Class.forName} loads:
     * primitives boxed ({@code int} gives {@code "java.lang.Integer"}), type arguments dropped, a
     * type variable or {@code ? extends X} erased to its (first) bound, {@code java.lang.Object} for
     * an unbounded variable or wildcard and for {@code ? super X}, arrays in JVM form
     * ({@code "[Ljava.lang.String;"}, {@code "[I"}).
     */
    public String erasure() {
        switch (kind) {
            case PRIMITIVE:
            case VOID:
                return BOXES.getOrDefault(name, name);
            case ARRAY:
                return "[" + descriptor(arguments.get(0));
            case WILDCARD:
            case VARIABLE:
                return arguments.isEmpty() || lowerBound ? OBJECT.name : arguments.get(0).erasure();
            default:
                return name;
        }
    }

    /** Java source form, e.g. {@code java.util.List<? extends java.lang.Number>}, for messages. */
    public String display() {
        switch (kind) {
            case PARAMETERIZED:
                return name + arguments(arguments);
            case ARRAY:
                return arguments.get(0).display() + "[]";
            case WILDCARD:
                return arguments.isEmpty() ? "?"
                        : (lowerBound ? "? super " : "? extends ") + arguments.get(0).display();
            default:
                return name;
        }
    }

    /** Like {@link #display()} with simple class names ({@code List<Order>}), for method signatures. */
    public String simpleDisplay() {
        switch (kind) {
            case PARAMETERIZED:
                return simpleName(name) + simpleArguments(arguments);
            case ARRAY:
                return arguments.get(0).simpleDisplay() + "[]";
            case WILDCARD:
                return arguments.isEmpty() ? "?"
                        : (lowerBound ? "? super " : "? extends ") + arguments.get(0).simpleDisplay();
            case CLASS:
                return simpleName(name);
            default:
                return name;
        }
    }

    private static String descriptor(TypeRef component) {
        if (component.kind == Kind.PRIMITIVE) {
            return DESCRIPTORS.getOrDefault(component.name, component.name);
        }
        if (component.kind == Kind.ARRAY) {
            return component.erasure();
        }
        return "L" + component.erasure() + ";";
    }

    private static String arguments(List<TypeRef> arguments) {
        StringJoiner joiner = new StringJoiner(", ", "<", ">");
        for (TypeRef argument : arguments) {
            joiner.add(argument.display());
        }
        return joiner.toString();
    }

    private static String simpleArguments(List<TypeRef> arguments) {
        StringJoiner joiner = new StringJoiner(", ", "<", ">");
        for (TypeRef argument : arguments) {
            joiner.add(argument.simpleDisplay());
        }
        return joiner.toString();
    }

    private static String simpleName(String binaryName) {
        int cut = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$'));
        return binaryName.substring(cut + 1);
    }
}
