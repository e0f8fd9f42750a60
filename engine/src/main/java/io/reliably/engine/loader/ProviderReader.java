package io.reliably.engine.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reliably.engine.experiment.HttpProvider;
import io.reliably.engine.experiment.ProcessProvider;
import io.reliably.engine.experiment.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates and reads a provider ({@code chaoslib/provider/http.py}, {@code process.py}). Python
 * providers are refused: there is no Python here.
 */
final class ProviderReader {

    static final String PYTHON_REFUSED = "python providers are not supported: run the Python program with a"
            + " \"process\" provider (\"path\": \"python3\", \"arguments\": [\"your_script.py\", ...])"
            + " or call it over HTTP with an \"http\" provider";

    private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Fields fields;

    ProviderReader(Fields fields) {
        this.fields = fields;
    }

    /** The provider at {@code path}, or {@code null} when it has problems (recorded). */
    Provider read(JsonNode node, String path) {
        if (node == null) {
            fields.problem(path, "required: expected a provider object with a \"type\" of \"http\" or \"process\"");
            return null;
        }
        ObjectNode provider = fields.object(node, path, "a provider object with a \"type\" of \"http\" or \"process\"");
        if (provider == null) {
            return null;
        }
        JsonNode type = provider.get("type");
        String typePath = JsonText.field(path, "type");
        if (type == null) {
            fields.problem(typePath, "required: expected \"http\" or \"process\"");
            return null;
        }
        if (type.isTextual() && type.textValue().equals("python")) {
            fields.problem(typePath, PYTHON_REFUSED);
            return null;
        }
        if (type.isTextual() && type.textValue().equals("http")) {
            return http(provider, path);
        }
        if (type.isTextual() && type.textValue().equals("process")) {
            return process(provider, path);
        }
        fields.problem(typePath, "expected \"http\" or \"process\", found " + JsonText.describe(type));
        return null;
    }

    private HttpProvider http(ObjectNode provider, String path) {
        int before = fields.problems().size();
        String url = fields.requiredText(provider, "url", path);
        String method = "GET";
        JsonNode methodNode = provider.get("method");
        if (methodNode != null) {
            String at = JsonText.field(path, "method");
            if (!methodNode.isTextual() || !HTTP_TOKEN.matcher(methodNode.textValue()).matches()) {
                fields.problem(at, "expected an HTTP method such as \"GET\" or \"POST\", found "
                        + JsonText.describe(methodNode));
            } else {
                method = methodNode.textValue().toUpperCase(Locale.ROOT);
            }
        }
        JsonNode headers = provider.get("headers");
        if (headers != null && !headers.isNull()) {
            String at = JsonText.field(path, "headers");
            if (!headers.isObject()) {
                fields.problem(at, "expected an object of header names to string values, found "
                        + JsonText.describe(headers));
            } else {
                for (Map.Entry<String, JsonNode> header : headers.properties()) {
                    if (!HTTP_TOKEN.matcher(header.getKey()).matches()) {
                        fields.problem(JsonText.field(at, header.getKey()),
                                "expected a header name (letters, digits and !#$%&'*+.^_`|~-), found "
                                        + JsonText.quote(header.getKey()));
                    } else if (!header.getValue().isTextual()) {
                        fields.problem(JsonText.field(at, header.getKey()),
                                "expected a string header value, found " + JsonText.describe(header.getValue()));
                    }
                }
            }
        }
        JsonNode arguments = arguments(provider, path, false);
        JsonNode timeout = provider.get("timeout");
        if (timeout != null && !timeout.isNull()) {
            httpTimeout(timeout, JsonText.field(path, "timeout"));
        } else {
            timeout = null;
        }
        boolean verifyTls = fields.optionalBoolean(provider, "verify_tls", path, true);
        int maxRetries = 0;
        JsonNode retries = provider.get("max_retries");
        if (retries != null) {
            if (!retries.canConvertToInt() || !retries.isIntegralNumber() || retries.intValue() < 0) {
                fields.problem(JsonText.field(path, "max_retries"),
                        "expected an integer, 0 or more, found " + JsonText.describe(retries));
            } else {
                maxRetries = retries.intValue();
            }
        }
        List<String> secrets = fields.optionalTexts(provider, "secrets", path);
        if (fields.problems().size() > before) {
            return null;
        }
        return new HttpProvider(provider.get("url"), method, headers == null || headers.isNull() ? null : headers,
                arguments, timeout, verifyTls, maxRetries, secrets);
    }

    private void httpTimeout(JsonNode timeout, String at) {
        if (timeout.isArray()) {
            if (timeout.size() != 2) {
                fields.problem(at, "expected a number of seconds or a [connect, read] pair, found a list of "
                        + timeout.size() + " values");
                return;
            }
            fields.seconds(timeout.get(0), JsonText.item(at, 0), false);
            fields.seconds(timeout.get(1), JsonText.item(at, 1), false);
            return;
        }
        if (!timeout.isNumber() && !Fields.isWholePlaceholder(timeout)) {
            fields.problem(at, "expected a number of seconds (more than 0), a [connect, read] pair or a"
                    + " \"${name}\" placeholder, found " + JsonText.describe(timeout));
            return;
        }
        fields.seconds(timeout, at, false);
    }

    private ProcessProvider process(ObjectNode provider, String path) {
        int before = fields.problems().size();
        String executable = fields.requiredText(provider, "path", path);
        JsonNode arguments = arguments(provider, path, true);
        JsonNode timeout = provider.get("timeout");
        if (timeout != null && !timeout.isNull()) {
            fields.seconds(timeout, JsonText.field(path, "timeout"), false);
        } else {
            timeout = null;
        }
        JsonNode env = provider.get("env");
        if (env != null && !env.isNull()) {
            String at = JsonText.field(path, "env");
            if (!env.isObject()) {
                fields.problem(at, "expected an object of environment variable names to strings, found "
                        + JsonText.describe(env));
            } else {
                for (Map.Entry<String, JsonNode> variable : env.properties()) {
                    JsonNode value = variable.getValue();
                    if (variable.getKey().isEmpty() || variable.getKey().contains("=")) {
                        fields.problem(at, "expected environment variable names without \"=\", found "
                                + JsonText.quote(variable.getKey()));
                    } else if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
                        fields.problem(JsonText.field(at, variable.getKey()),
                                "expected a string, found " + JsonText.describe(value));
                    }
                }
            }
        } else {
            env = null;
        }
        List<String> secrets = fields.optionalTexts(provider, "secrets", path);
        if (fields.problems().size() > before) {
            return null;
        }
        return new ProcessProvider(executable, arguments, timeout, env, secrets);
    }

    private JsonNode arguments(ObjectNode provider, String path, boolean process) {
        JsonNode arguments = provider.get("arguments");
        if (arguments == null || arguments.isNull()) {
            return null;
        }
        String at = JsonText.field(path, "arguments");
        if (arguments.isTextual()) {
            return arguments;
        }
        if (arguments.isObject() || arguments.isArray()) {
            if (process) {
                int index = 0;
                for (Map.Entry<String, JsonNode> entry : arguments.isObject() ? arguments.properties()
                        : indexed(arguments)) {
                    JsonNode value = entry.getValue();
                    if (value.isContainerNode()) {
                        fields.problem(arguments.isObject() ? JsonText.field(at, entry.getKey())
                                        : JsonText.item(at, index),
                                "expected a string, a number or a boolean (one command-line argument), found "
                                        + JsonText.describe(value));
                    }
                    index++;
                }
            }
            return arguments;
        }
        fields.problem(at, process
                ? "expected a list of arguments, an object (flattened to name, value pairs) or a string"
                        + " (run by the shell), found " + JsonText.describe(arguments)
                : "expected an object, a list or a string, found " + JsonText.describe(arguments));
        return null;
    }

    private static Iterable<Map.Entry<String, JsonNode>> indexed(JsonNode array) {
        java.util.List<Map.Entry<String, JsonNode>> entries = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            entries.add(Map.entry(Integer.toString(i), array.get(i)));
        }
        return entries;
    }
}
