package org.partnershippulse.system.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.partnershippulse.systemkit.Infrastructure;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.ServiceProcesses;

/**
 * The assembled system for every system test class: the three packaged services started once per test JVM
 * (against the PostgreSQL, Kafka and Keycloak that scripts/test.sh started) and stopped after the last class.
 * Use with {@code @ExtendWith(RunningSystem.class)}; prints the services' log tails when a test fails.
 */
public final class RunningSystem implements BeforeAllCallback, TestWatcher {

    private static PulseEnvironment env;
    private static ServiceProcesses services;
    private static Keycloak keycloak;
    private static boolean failed;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RunningSystem.class) {
            if (services != null) {
                return;
            }
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
            env = PulseEnvironment.fromEnvironment();
            requireReachable("PostgreSQL (PULSE_PG_PORT)", env.pgPort());
            requireReachable("Kafka (PULSE_KAFKA_PORT)", env.kafkaPort());
            requireReachable("Keycloak (PULSE_KEYCLOAK_PORT)", env.keycloakPort());
            keycloak = new Keycloak(env);
            ServiceProcesses started = new ServiceProcesses(env);
            started.startAll();
            services = started;
            // stopped when the whole run ends, after the last test class that uses it
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(RunningSystem.class, (AutoCloseable) RunningSystem::stop);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
    }

    private static synchronized void stop() {
        if (failed) {
            services.printLogTails();
        }
        services.close();
    }

    public static PulseEnvironment env() {
        return env;
    }

    public static ServiceProcesses services() {
        return services;
    }

    public static Keycloak keycloak() {
        return keycloak;
    }

    public static Infrastructure infrastructure() {
        return new Infrastructure(env);
    }

    /** A request to one service, accepting JSON. */
    public static RequestSpecification service(PulseService s) {
        return given().baseUri(env.baseUri(s)).accept(ContentType.JSON);
    }

    /** A request to one service as a realm user (password = username), with a real Keycloak token. */
    public static RequestSpecification as(String user, PulseService s) {
        return service(s).auth().oauth2(keycloak.token(user));
    }

    private static void requireReachable(String what, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable on 127.0.0.1:" + port
                    + ". Start the infrastructure with scripts/test.sh (or scripts/run.sh).");
        }
    }
}
