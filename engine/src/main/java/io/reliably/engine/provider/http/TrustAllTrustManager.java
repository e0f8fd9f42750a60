package io.reliably.engine.provider.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server certificate and host name: {@code verify_tls: false}. It extends
 * {@link X509ExtendedTrustManager} so the JDK does not wrap it with its own host name check.
 */
final class TrustAllTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NONE = new X509Certificate[0];

    /** A TLS context that trusts every server, for {@code verify_tls: false}. */
    static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAllTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS implementation", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trust all: verify_tls is false
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trust all: verify_tls is false
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trust all: verify_tls is false
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trust all: verify_tls is false
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // trust all: verify_tls is false
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // trust all: verify_tls is false
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
