/**
 * Behaviours written once and run on both containers: each class holds the beans of one behaviour
 * and its checks; a Weld SE test in {@code dev.signalbus.cdi} boots its {@code CLASSES} with
 * {@code Cdi.boot}, a {@code QuarkusUnitTest} in {@code dev.signalbus.quarkus.deployment.test} adds
 * them to its application (the deployment module depends on this test-jar). On Quarkus the checks
 * run in the application's class loader, so a behaviour's own class is among its {@code CLASSES}.
 * See docs/architecture.md, "Where to add a feature".
 */
package dev.signalbus.behaviour;
