package sockets101.general;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Exercise {@code GetHostName} — lesson 06, section "gethostname".
 *
 * <p>Python's {@code socket.gethostname()} returns the name the operating system gives this
 * machine. Java has no such call: {@code InetAddress.getLocalHost()} takes that name and then
 * <em>resolves</em> it, which fails where the name is not in DNS or {@code /etc/hosts}.
 */
public final class GetHostName {
    private GetHostName() {
    }

    /**
     * The name the operating system gives this machine, as the {@code hostname} command prints
     * it; it must work even when that name does not resolve to any address.
     *
     * @return the host name, without surrounding white space
     * @throws IOException if the name cannot be read
     */
    public static String hostname() throws IOException {
        throw new UnsupportedOperationException("TODO GetHostName.hostname: lessons 06-general § gethostname");
    }

    /**
     * Every address of {@code host}: a name may have several (IPv4 and IPv6, or many servers);
     * a literal address such as {@code 127.0.0.1} or {@code ::1} is returned as is.
     *
     * @param host a host name or a literal address
     * @return every address, in the order the resolver gives them; never empty
     * @throws IllegalArgumentException if {@code host} is blank (Java would quietly resolve "" to loopback)
     * @throws UnknownHostException     if the name does not resolve
     */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        throw new UnsupportedOperationException("TODO GetHostName.resolve: lessons 06-general § gethostname");
    }
}
