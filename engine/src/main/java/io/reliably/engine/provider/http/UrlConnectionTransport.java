package io.reliably.engine.provider.http;

import io.reliably.engine.provider.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Sends on {@link HttpURLConnection}: blocking and small, so fast in a fresh JVM where the JDK
 * {@code HttpClient} is not (a command-line run of 500 probes spends most of its time in a cold
 * {@code HttpClient}; see {@code docs/performance.md}). It sends only what it can send exactly as
 * {@link JdkHttpTransport} would ({@link #canSend}); redirects follow the JDK client's rules (five
 * requests in all, then the last redirect is the response; 301/302 turn a {@code POST} into a {@code GET}, 303 anything
 * into a {@code GET}, 307/308 keep it). One difference remains on the wire: Java 17's client sends
 * {@code Content-Length: 0} on every request without a body, a {@code GET} included (JDK-8283544); this
 * one sends none, as {@code requests} does for a {@code GET}.
 *
 * <p>Each exchange runs on a pooled daemon thread while the caller waits: a cancellation releases the
 * caller at once whatever the exchange is doing, and closes the connection. (A blocking connect cannot be
 * aborted from another thread; it ends by its timeout, and the request is then not sent.) Thread-safe.
 */
public final class UrlConnectionTransport implements HttpTransport {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "POST", "PUT");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "DELETE");
    /**
     * Headers {@code HttpURLConnection} drops silently or manages itself, and those the JDK client
     * refuses: a request with one of them goes to {@link JdkHttpTransport}, which sends it or says why not.
     */
    private static final Set<String> UNSENDABLE = Set.of("access-control-request-headers",
            "access-control-request-method", "connection", "content-length", "content-transfer-encoding", "expect",
            "host", "keep-alive", "origin", "te", "trailer", "transfer-encoding", "upgrade", "via");
    /** As the JDK client: five requests in all, then the last redirect is the response. */
    private static final int MAX_REQUESTS = 5;

    private final ThreadPoolExecutor exchanges;
    private volatile SSLSocketFactory trustAll;

    public UrlConnectionTransport() {
        AtomicInteger count = new AtomicInteger();
        exchanges = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "reliably-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean canSend(PreparedRequest request) {
        if (!METHODS.contains(request.method())) {
            return false; // PATCH and custom methods
        }
        if (request.body() != null && (!BODY_METHODS.contains(request.method()) || request.header("Content-Type") == null)) {
            return false; // it would add a form Content-Type of its own, or refuse the body
        }
        if (request.body() == null && BODY_METHODS.contains(request.method()) && !"DELETE".equals(request.method())) {
            return false; // a POST or PUT without a body: it would send no Content-Length
        }
        for (PreparedRequest.Header header : request.headers()) {
            if (UNSENDABLE.contains(header.name().toLowerCase(Locale.ROOT)) || !isToken(header.name())
                    || !isPlainValue(header.value())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ReceivedResponse send(PreparedRequest request, Cancellation cancellation)
            throws IOException, InterruptedException {
        Exchange exchange = new Exchange(request);
        AutoCloseable registration = cancellation.onCancel(exchange::abort);
        try {
            exchanges.execute(exchange);
            return exchange.result.get();
        } catch (InterruptedException e) {
            exchange.abort();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        } finally {
            try {
                registration.close();
            } catch (Exception e) {
                // unregistering cannot fail
            }
        }
    }

    /** One request and its redirects, run on a pooled thread. */
    private final class Exchange implements Runnable {

        final CompletableFuture<ReceivedResponse> result = new CompletableFuture<>();
        private final PreparedRequest request;
        private volatile HttpURLConnection connection;
        private volatile boolean aborted;

        Exchange(PreparedRequest request) {
            this.request = request;
        }

        void abort() {
            aborted = true;
            result.completeExceptionally(new InterruptedIOException("the exchange was cancelled"));
            HttpURLConnection current = connection;
            if (current != null) {
                current.disconnect();
            }
        }

        @Override
        public void run() {
            try {
                result.complete(exchange());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                if (aborted && connection != null) {
                    connection.disconnect();
                }
            }
        }

        private ReceivedResponse exchange() throws IOException {
            URI uri = request.uri();
            String method = request.method();
            byte[] body = request.body();
            for (int redirects = 0; ; redirects++) {
                ReceivedResponse response = once(uri, method, body);
                int status = response.status();
                String location = status >= 301 && status <= 308 && status != 304 && status != 305 && status != 306
                        ? header(response, "Location") : null;
                if (location == null) {
                    return response;
                }
                if (redirects == MAX_REQUESTS - 1) {
                    return response; // as the JDK client does: the last redirect is the answer
                }
                uri = uri.resolve(location.trim());
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                    throw new IOException("a redirect to " + uri.getScheme() + ": is not followed");
                }
                if (status == 303 || (status <= 302 && "POST".equals(method))) {
                    method = "GET";
                    body = null;
                }
            }
        }

        private ReceivedResponse once(URI uri, String method, byte[] body) throws IOException {
            if (aborted) {
                throw new InterruptedIOException("the exchange was cancelled");
            }
            HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection = http;
            http.setConnectTimeout(millis(request.connectTimeout().toMillis()));
            http.setReadTimeout(millis(request.readTimeout().toMillis()));
            http.setInstanceFollowRedirects(false);
            if (!request.verifyTls() && http instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(trustAll());
                https.setHostnameVerifier((host, session) -> true);
            }
            http.setRequestMethod(method);
            for (PreparedRequest.Header header : request.headers()) {
                if (body != null || !header.name().equalsIgnoreCase("Content-Type") || method.equals(request.method())) {
                    http.addRequestProperty(header.name(), header.value());
                }
            }
            if (body != null) {
                http.setDoOutput(true);
                http.setFixedLengthStreamingMode(body.length);
            }
            try {
                http.connect();
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("no connection within " + request.connectTimeout());
            }
            if (aborted) {
                throw new InterruptedIOException("the exchange was cancelled");
            }
            try {
                if (body != null) {
                    try (OutputStream out = http.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = http.getResponseCode();
                List<PreparedRequest.Header> headers = new ArrayList<>();
                for (int i = 0; ; i++) {
                    String value = http.getHeaderField(i);
                    if (value == null) {
                        break;
                    }
                    String name = http.getHeaderFieldKey(i);
                    if (name != null) {
                        headers.add(new PreparedRequest.Header(name, value));
                    }
                }
                byte[] content;
                try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
                    content = in == null ? new byte[0] : in.readAllBytes();
                }
                return new ReceivedResponse(status, headers, content);
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("no response within " + request.readTimeout());
            }
        }
    }

    private static String header(ReceivedResponse response, String name) {
        for (PreparedRequest.Header header : response.headers()) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    private static int millis(long millis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private SSLSocketFactory trustAll() {
        SSLSocketFactory factory = trustAll;
        if (factory == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAllTrustManager()}, null);
                factory = context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no TLS implementation", e);
            }
            trustAll = factory;
        }
        return factory;
    }

    /** An RFC 9110 token, as the JDK client requires of a header name. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** No control character, nothing beyond Latin-1: what both clients send unchanged. */
    private static boolean isPlainValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 32 && c != '\t') || c == 127 || c > 255) {
                return false;
            }
        }
        return true;
    }
}
