package io.reliably.engine.provider.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.provider.ActivityFailedException;
import io.reliably.engine.python.PythonJson;
import io.reliably.engine.python.PythonValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the request {@code requests} would send for an http provider: the URL re-quoted and its
 * query merged with {@code GET} arguments, credentials in the URL turned into basic authentication,
 * the headers, and a JSON or form body by {@code requests}' exact rule. What it builds is sent as it is
 * by either {@link HttpTransport}.
 */
final class RequestFactory {

    private static final String JSON = "application/json";

    private RequestFactory() {
    }

    /** The request {@code requests} would send for this provider. */
    static PreparedRequest request(HttpProvider provider, String url, String shown, String method,
            HttpTimeout timeout) throws ActivityFailedException {
        return request(uri(url, shown, method, provider.arguments()), shown, method, provider, timeout);
    }

    /** The URL as messages show it: without a {@code user:password@} part. */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, scheme + 3);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int lastAt = url.lastIndexOf('@', end);
        return lastAt < scheme ? url : url.substring(0, scheme + 3) + url.substring(lastAt + 1);
    }

    static URI uri(String url, String shown, String method, JsonNode arguments) throws ActivityFailedException {
        String withoutFragment = url;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            withoutFragment = url.substring(0, hash);
        }
        if ("GET".equals(method) && arguments != null) {
            String query;
            try {
                query = FormEncoding.encode(arguments);
            } catch (IllegalArgumentException e) {
                throw new ActivityFailedException("cannot call " + shown + ": " + e.getMessage());
            }
            if (!query.isEmpty()) {
                int question = withoutFragment.indexOf('?');
                boolean hasQuery = question >= 0 && question < withoutFragment.length() - 1;
                if (question == withoutFragment.length() - 1) {
                    withoutFragment = withoutFragment.substring(0, question);
                }
                withoutFragment = withoutFragment + (hasQuery ? "&" : "?") + query;
            }
        }
        URI uri;
        try {
            uri = new URI(FormEncoding.requote(withoutFragment));
        } catch (URISyntaxException e) {
            throw new ActivityFailedException("invalid url " + shown + ": " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new ActivityFailedException("invalid url " + shown + ": the scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw new ActivityFailedException("invalid url " + shown + ": no host");
        }
        return uri;
    }

    private static PreparedRequest request(URI uri, String url, String method, HttpProvider provider,
            HttpTimeout timeout) throws ActivityFailedException {
        String userInfo = uri.getRawUserInfo();
        List<HttpHeader> headers = new ArrayList<>();
        JsonNode given = provider.headers();
        boolean hasAccept = false;
        boolean hasContentType = false;
        boolean jsonBody = false;
        if (given != null && given.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                String name = header.getKey();
                JsonNode value = header.getValue();
                if (value.isNull()) {
                    continue; // requests drops headers set to None
                }
                if (value.isContainerNode()) {
                    throw new ActivityFailedException("cannot call " + url + ": header '" + name + "' must be a string");
                }
                headers.add(new HttpHeader(name, PythonValues.str(value)));
                hasAccept |= name.equalsIgnoreCase("Accept");
                hasContentType |= name.equalsIgnoreCase("Content-Type");
                // requests' exact test: headers.get("Content-Type") == "application/json"
                jsonBody |= name.equals("Content-Type") && value.isTextual() && JSON.equals(value.textValue());
            }
        }
        if (!hasAccept) {
            headers.add(new HttpHeader("Accept", "*/*"));
        }
        if (userInfo != null) {
            // requests turns user:password@ in the URL into basic authentication, over any header
            headers.removeIf(header -> header.name().equalsIgnoreCase("Authorization"));
            headers.add(new HttpHeader("Authorization", basicAuthorization(userInfo)));
        }
        byte[] body = body(method, provider.arguments(), jsonBody, hasContentType, headers, url);
        boolean verifyTls = provider.verifyTls() || !"https".equalsIgnoreCase(uri.getScheme());
        return new PreparedRequest(userInfo == null ? uri : withoutUserInfo(uri, url), method, headers, body,
                timeout.connect(), timeout.read(), verifyTls, url);
    }

    private static URI withoutUserInfo(URI uri, String url) throws ActivityFailedException {
        try {
            String authority = uri.getRawAuthority();
            return new URI(uri.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new ActivityFailedException("invalid url " + url + ": " + e.getReason());
        }
    }

    /** {@code requests}' {@code HTTPBasicAuth} from the URL: both parts percent-decoded, then Latin-1. */
    private static String basicAuthorization(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
        String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
        String pair = URLDecoder.decode(user.replace("+", "%2B"), StandardCharsets.UTF_8) + ":"
                + URLDecoder.decode(password.replace("+", "%2B"), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The body {@code requests} would send, or {@code null} for none. */
    private static byte[] body(String method, JsonNode arguments, boolean jsonBody, boolean hasContentType,
            List<HttpHeader> headers, String url) throws ActivityFailedException {
        if ("GET".equals(method) || arguments == null || arguments.isNull()) {
            return null;
        }
        if (jsonBody) {
            return PythonJson.dumps(arguments).getBytes(StandardCharsets.UTF_8);
        }
        if (!PythonValues.truthy(arguments)) {
            return null; // requests sends no body for empty data
        }
        String form;
        try {
            form = FormEncoding.encode(arguments);
        } catch (IllegalArgumentException e) {
            throw new ActivityFailedException("cannot call " + url + ": " + e.getMessage());
        }
        if (!arguments.isTextual() && !hasContentType) {
            headers.add(new HttpHeader("Content-Type", "application/x-www-form-urlencoded"));
        }
        return form.getBytes(StandardCharsets.UTF_8);
    }
}
