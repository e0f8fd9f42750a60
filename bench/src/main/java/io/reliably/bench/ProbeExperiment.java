package io.reliably.bench;

/** The benchmark's experiment: a method of N http probes, each a GET of the same loopback URL. */
final class ProbeExperiment {

    private ProbeExperiment() {
    }

    static String json(String url, int probes) {
        StringBuilder json = new StringBuilder(probes * 120 + 200);
        json.append("{\n  \"title\": \"").append(probes).append(" http probes\",\n")
                .append("  \"description\": \"Start-up and per-activity overhead benchmark\",\n")
                .append("  \"method\": [\n");
        for (int i = 0; i < probes; i++) {
            json.append("    {\"type\": \"probe\", \"name\": \"probe-").append(i)
                    .append("\", \"provider\": {\"type\": \"http\", \"url\": \"").append(url)
                    .append("\", \"timeout\": 5}}").append(i + 1 < probes ? ",\n" : "\n");
        }
        return json.append("  ]\n}\n").toString();
    }
}
