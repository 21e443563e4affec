package dev.signalbus.it.jee;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: the endpoint lives under {@code /api}. */
@ApplicationPath("/api")
public class BusApplication extends Application {
}
