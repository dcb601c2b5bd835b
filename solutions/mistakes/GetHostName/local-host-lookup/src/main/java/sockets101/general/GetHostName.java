package sockets101.general;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Known mistake: {@code InetAddress.getLocalHost().getHostName()} for the host name. It reads
 * the name and then resolves it; where the name is in neither DNS nor the hosts file (many
 * laptops and containers) it throws {@link UnknownHostException} instead of returning it.
 */
public final class GetHostName {
    private GetHostName() {
    }

    public static String hostname() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }

    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host name is blank");
        }
        return List.of(InetAddress.getAllByName(host));
    }
}
