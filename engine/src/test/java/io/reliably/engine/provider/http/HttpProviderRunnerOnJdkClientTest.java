package io.reliably.engine.provider.http;

/** The http provider on the JDK {@code HttpClient}, as inside Jenkins. */
class HttpProviderRunnerOnJdkClientTest extends HttpProviderRunnerContract {

    @Override
    HttpTransport transport() {
        return new JdkHttpTransport();
    }
}
