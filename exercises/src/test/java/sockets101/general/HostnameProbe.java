package sockets101.general;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Main class of a separate JVM started by {@link GetHostNameTest} with
 * {@code -Djdk.net.hosts.file=FILE}: that JVM resolves names from FILE only, never from DNS, so
 * this machine's own name does not resolve there and test names resolve offline. Prints one
 * line per probe: {@code probe:NAME=VALUE} or {@code probe:NAME!ExceptionClass}.
 */
public final class HostnameProbe {
    private HostnameProbe() {
    }

    public static void main(String[] args) {
        probe("pair", () -> addresses(GetHostName.resolve(GetHostNameTest.PAIR_NAME)));
        probe("invalid", () -> addresses(GetHostName.resolve(GetHostNameTest.INVALID_NAME)));
        probe("hostname", GetHostName::hostname);
        System.out.flush();
    }

    private static String addresses(List<InetAddress> list) {
        return list.stream().map(InetAddress::getHostAddress).sorted().collect(Collectors.joining(","));
    }

    private static void probe(String name, Callable<String> call) {
        try {
            System.out.println("probe:" + name + "=" + call.call());
        } catch (Exception | Error e) {
            System.out.println("probe:" + name + "!" + e.getClass().getName());
        }
        System.out.flush();
    }
}
