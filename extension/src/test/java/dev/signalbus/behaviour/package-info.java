/**
 * The behaviour suite: each {@link dev.signalbus.behaviour.Scenario} is one application, written once and run on
 * Weld SE ({@code dev.signalbus.cdi.BehavioursOnWeldTest}) and on Quarkus (a {@code QuarkusUnitTest} runner named
 * after it in {@code dev.signalbus.quarkus.deployment.test.behaviour}; the deployment module depends on this
 * test-jar). See docs/architecture.md, "The behaviour suite".
 */
package dev.signalbus.behaviour;
