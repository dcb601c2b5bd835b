package sockets101.site;

import sockets101.site.live.LiveServer;

import java.io.IOException;

/**
 * The run command's entry point ({@code ./mvnw -q -B package -DskipTests -Pserve}): serves the
 * built site with every snippet runnable in the page. See {@link LiveServer} for the options.
 */
public final class Serve {
    private Serve() {
    }

    public static void main(String[] args) throws IOException {
        LiveServer.main(args);
    }
}
