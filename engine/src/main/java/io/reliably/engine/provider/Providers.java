package io.reliably.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.configuration.Substitution;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.experiment.Provider;
import io.reliably.engine.provider.http.HttpProviderRunner;
import io.reliably.engine.provider.http.HttpTransport;
import io.reliably.engine.provider.process.ProcessProviderRunner;
import java.util.Map;

/**
 * Runs any provider by handing it to the runner of its kind. One instance per engine: it owns the
 * HTTP clients, which it builds on first use and keeps, so that every activity after the first pays
 * no set-up. It is itself a {@link ProviderRunner} of any provider (dynamic configuration uses it so).
 * Thread-safe.
 */
public final class Providers implements ProviderRunner<Provider> {

    private final HttpProviderRunner http;
    private final ProcessProviderRunner process;

    /** Http and process runners; processes get this JVM's environment. */
    public Providers() {
        this(System.getenv());
    }

    /**
     * Http requests go out on the JDK {@code HttpClient}, the right choice in a long-lived JVM.
     *
     * @param environment the environment every process starts with, e.g. a build's environment
     */
    public Providers(Map<String, String> environment) {
        this(environment, null);
    }

    /**
     * @param environment the environment every process starts with
     * @param http the transport for the http requests it can send, such as
     *     {@link io.reliably.engine.provider.http.UrlConnectionTransport} in a short-lived JVM, or
     *     {@code null} for the JDK {@code HttpClient} alone
     */
    public Providers(Map<String, String> environment, HttpTransport http) {
        this.http = new HttpProviderRunner(http);
        this.process = new ProcessProviderRunner(environment);
    }

    /**
     * Runs the provider.
     *
     * @param provider the provider, already substituted (see {@link #substitute})
     * @param cancellation aborts the call in progress when fired
     * @return {@code {status, headers, body}} for http, {@code {status, stdout, stderr}} for process
     * @throws ActivityFailedException on a timeout, a connection error, a program that cannot start, or
     *     a cancellation (message {@code interrupted: <reason>})
     */
    @Override
    public JsonNode run(Provider provider, Cancellation cancellation) throws ActivityFailedException {
        if (provider instanceof HttpProvider httpProvider) {
            return http.run(httpProvider, cancellation);
        }
        if (provider instanceof ProcessProvider processProvider) {
            return process.run(processProvider, cancellation);
        }
        throw new IllegalArgumentException("no runner for provider type " + provider.type());
    }

    /**
     * Resolves {@code ${name}} in the fields Chaos Toolkit substitutes: for http the url, headers,
     * timeout and arguments; for a process the arguments, and also the timeout and env (Chaos Toolkit
     * leaves a process timeout as written, so a {@code "${t}"} timeout would crash it). The path is
     * never substituted, as in Chaos Toolkit.
     */
    public static Provider substitute(Provider provider, Substitution substitution) {
        if (provider instanceof HttpProvider p) {
            return new HttpProvider(
                    apply(p.url(), substitution),
                    p.method(),
                    apply(p.headers(), substitution),
                    apply(p.arguments(), substitution),
                    apply(p.timeout(), substitution),
                    p.verifyTls(),
                    p.maxRetries(),
                    p.secrets());
        }
        if (provider instanceof ProcessProvider p) {
            return new ProcessProvider(
                    p.path(),
                    apply(p.arguments(), substitution),
                    apply(p.timeout(), substitution),
                    apply(p.env(), substitution),
                    p.secrets());
        }
        throw new IllegalArgumentException("no substitution for provider type " + provider.type());
    }

    private static JsonNode apply(JsonNode value, Substitution substitution) {
        return value == null ? null : substitution.apply(value);
    }
}
