package dev.signalbus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TypeRefTest {

    private static final TypeRef ORDER = TypeRef.classType("com.acme.Shop$Order");

    @Test
    void erasureIsWhatClassForNameLoads() {
        assertThat(TypeRef.primitive("int").erasure()).isEqualTo("java.lang.Integer");
        assertThat(TypeRef.primitive("boolean").erasure()).isEqualTo("java.lang.Boolean");
        assertThat(ORDER.erasure()).isEqualTo("com.acme.Shop$Order");
        assertThat(TypeRef.parameterized("java.util.List", List.of(ORDER)).erasure()).isEqualTo("java.util.List");
        assertThat(TypeRef.arrayOf(ORDER).erasure()).isEqualTo("[Lcom.acme.Shop$Order;");
        assertThat(TypeRef.arrayOf(TypeRef.arrayOf(TypeRef.primitive("double"))).erasure()).isEqualTo("[[D");
        assertThat(TypeRef.variable("T", List.of()).erasure()).isEqualTo("java.lang.Object");
        assertThat(TypeRef.variable("T", List.of(ORDER)).erasure()).isEqualTo("com.acme.Shop$Order");
        assertThat(TypeRef.wildcardExtends(ORDER).erasure()).isEqualTo("com.acme.Shop$Order");
        assertThat(TypeRef.wildcardSuper(ORDER).erasure()).isEqualTo("java.lang.Object");
        assertThat(TypeRef.wildcard().erasure()).isEqualTo("java.lang.Object");
    }

    @Test
    void displayIsJavaSourceForMessages() {
        TypeRef type = TypeRef.parameterized("java.util.Map", List.of(TypeRef.wildcardSuper(ORDER),
                TypeRef.arrayOf(TypeRef.parameterized("java.util.List", List.of(TypeRef.wildcard())))));

        assertThat(type.display()).isEqualTo("java.util.Map<? super com.acme.Shop$Order, java.util.List<?>[]>");
        assertThat(type.simpleDisplay()).isEqualTo("Map<? super Order, List<?>[]>");
        assertThat(TypeRef.VOID.display()).isEqualTo("void");
    }

    @Test
    void signatureNamesTheTargetAndSimpleParameterTypes() {
        MethodModel method = new MethodModel("com.acme.Shop", "store", false, false, TypeRef.VOID,
                List.of(new MethodModel.ParamModel(TypeRef.parameterized("java.util.List", List.of(ORDER)), "orders", 1),
                        new MethodModel.ParamModel(TypeRef.primitive("int"), null, 1)),
                null, null, null);

        assertThat(method.target()).isEqualTo("com.acme.Shop#store");
        assertThat(method.signature()).isEqualTo("com.acme.Shop#store(List<Order>, int)");
    }
}
