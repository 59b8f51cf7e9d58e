package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A pod that is told to stop keeps serving while Kubernetes removes it from the Service's endpoints (SHUTDOWN_DELAY,
 * long enough for kube-proxy and the ingress to notice), then finishes its requests in flight (SHUTDOWN_TIMEOUT), all
 * before the kubelet's SIGKILL (terminationGracePeriodSeconds). A grace period shorter than delay + timeout would cut
 * requests in flight; a delay of a second or less would send requests to a pod that no longer listens.
 */
class ShutdownTimingTest {

    /** What kube-proxy and ingress controllers typically need to drop an endpoint. */
    static final Duration MIN_DELAY = Duration.ofSeconds(3);
    /** The JVM's own stop (closing the pool, Kafka clients) after the timeout. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    @TestFactory
    Stream<DynamicTest> theGracePeriodCoversTheShutdownDelayAndTimeout() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            Map<String, ConfigMap> maps = new HashMap<>();
            r.ofKind(ConfigMap.class).forEach(cm -> maps.put(cm.getMetadata().getName(), cm));
            for (Deployment d : r.deployments()) {
                String where = r.overlay() + " " + Kustomize.id(d);
                Container c = Rendered.container(d);
                Map<String, String> env = new HashMap<>();
                for (EnvFromSource src : c.getEnvFrom() == null ? java.util.List.<EnvFromSource>of() : c.getEnvFrom()) {
                    ConfigMap cm = src.getConfigMapRef() == null ? null : maps.get(src.getConfigMapRef().getName());
                    if (cm != null && cm.getData() != null) {
                        env.putAll(cm.getData());
                    }
                }
                Duration delay = duration(env.get("SHUTDOWN_DELAY"));
                Duration timeout = duration(env.get("SHUTDOWN_TIMEOUT"));
                Long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
                p.check(delay != null, where + " SHUTDOWN_DELAY is not set (or not a duration): " + env.get("SHUTDOWN_DELAY"));
                p.check(timeout != null, where + " SHUTDOWN_TIMEOUT is not set (or not a duration): " + env.get("SHUTDOWN_TIMEOUT"));
                p.check(grace != null, where + " has no terminationGracePeriodSeconds");
                if (delay != null && timeout != null && grace != null) {
                    p.check(delay.compareTo(MIN_DELAY) >= 0, where + " SHUTDOWN_DELAY " + delay + " is shorter than "
                            + MIN_DELAY + ": requests would reach a pod that stopped listening");
                    Duration needed = delay.plus(timeout).plus(MARGIN);
                    p.check(Duration.ofSeconds(grace).compareTo(needed) >= 0, where + " terminationGracePeriodSeconds " + grace
                            + " < SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT + " + MARGIN.toSeconds() + " s = " + needed.toSeconds() + " s");
                }
                p.check(c.getLifecycle() == null || c.getLifecycle().getPreStop() == null, where
                        + " has a preStop hook: the delay is SHUTDOWN_DELAY's (one place), and the image has no sleep");
            }
            p.assertNone("shutdown timing");
        }));
    }

    /** Quarkus' duration syntax: 5S, 500MS, PT5S, or a number of seconds. */
    static Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase();
        try {
            if (v.startsWith("P")) {
                return Duration.parse(v);
            }
            if (v.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            if (v.endsWith("MS")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            return Duration.parse("PT" + v);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
