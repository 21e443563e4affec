package bench;

import jakarta.enterprise.context.RequestScoped;

/**
 * The application's request-scoped bean. Every subscriber has it injected (a client proxy); it touches it only when
 * the run says so ({@code --touch-request-scoped}), which makes each request context create and destroy an instance.
 */
@RequestScoped
public class RequestData {

    private long touched;

    public void touch() {
        touched++;
    }
}
