package sockets101.protocols;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import sockets101.testkit.Loopback;

import java.net.InetSocketAddress;

/** GreenMail on loopback with the given protocol on a port the system picks (never a fixed one). */
final class MailServer {
    private MailServer() {
    }

    static GreenMail start(String protocol) {
        GreenMail mail = new GreenMail(new ServerSetup(0, Loopback.ADDRESS.getHostAddress(), protocol).dynamicPort());
        mail.start();
        return mail;
    }

    static InetSocketAddress address(int port) {
        return new InetSocketAddress(Loopback.ADDRESS, port);
    }
}
