package io.reliably.engine.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The journal's {@code platform} and {@code node}, as Python's {@code platform.platform()} and
 * {@code platform.node()} give them (e.g. {@code Linux-6.1.0-13-amd64-x86_64}).
 */
record Host(String platform, String node) {

    static Host current() {
        return new Host(osPlatform(), hostName());
    }

    private static String osPlatform() {
        String arch = System.getProperty("os.arch", "");
        String machine = switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        String name = System.getProperty("os.name", "unknown").split(" ")[0];
        return name + "-" + System.getProperty("os.version", "") + "-" + machine;
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String name = Files.readString(Path.of(file)).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException e) {
                // next source
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
