// Lesson 07 — TLS: the same sockets, encrypted. A key pair made right now by the JDK's own
// keytool in a temporary folder (nothing kept that could expire), an SSLServerSocket and an
// SSLSocket on loopback, a client that does not trust the certificate, what a listener on
// the wire sees, and HttpClient over https against the JDK's own HttpsServer.
// Needs only the JDK: jshell lessons/snippets/07-tls.jsh

import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.*;
import javax.net.ssl.*;

var loopback = InetAddress.getLoopbackAddress();

// tag::keys[]
// A key pair and a self-signed certificate for 127.0.0.1 and localhost, valid for one day,
// made by the keytool of the JDK that runs this code, in a temporary folder.
Path folder = Files.createTempDirectory("sockets101-tls");
Path keyFile = folder.resolve("server.p12");
char[] password = "sockets101".toCharArray();
boolean windows = System.getProperty("os.name").startsWith("Windows");
Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
Process made = new ProcessBuilder(keytool.toString(), "-genkeypair",
        "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "1",
        "-storetype", "PKCS12", "-keystore", keyFile.toString(),
        "-storepass", new String(password)).redirectErrorStream(true).start();
made.getOutputStream().close(); // keytool asks nothing here; if it did, it would read end of input
String keytoolSaid = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
if (!made.waitFor(8, java.util.concurrent.TimeUnit.SECONDS) || made.exitValue() != 0) {
    throw new IllegalStateException("keytool failed: " + keytoolSaid);
}
KeyStore keys = KeyStore.getInstance(keyFile.toFile(), password); // the private key and its certificate
var certificate = (X509Certificate) keys.getCertificate("server");
System.out.println("subject:  " + certificate.getSubjectX500Principal());
System.out.println("names:    " + certificate.getSubjectAlternativeNames());
System.out.println("key:      " + certificate.getPublicKey().getAlgorithm()
        + ", signed " + certificate.getSigAlgName());
System.out.println("valid for " + Duration.between(certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant()).toDays() + " day");
// end::keys[]

// tag::contexts[]
// The server holds the private key; the client needs only the certificate, as a trust anchor.
var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
keyManagers.init(keys, password);
SSLContext serverContext = SSLContext.getInstance("TLS");
serverContext.init(keyManagers.getKeyManagers(), null, null);

KeyStore trusted = KeyStore.getInstance("PKCS12");
trusted.load(null, null);
trusted.setCertificateEntry("server", certificate);
var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
trustManagers.init(trusted);
SSLContext clientContext = SSLContext.getInstance("TLS");
clientContext.init(null, trustManagers.getTrustManagers(), null);
// end::contexts[]

// tag::server[]
// An echo server over TLS: one line in, "eco: " + line back, for each client in turn.
var tlsServer = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(
        0, 50, loopback);
var serverThread = new Thread(() -> {
    while (!tlsServer.isClosed()) {
        try (var client = (SSLSocket) tlsServer.accept()) {
            client.setSoTimeout(2000);
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine(); // the handshake happens here, on the first read
            if (line != null) {
                var out = client.getOutputStream();
                out.write(("eco: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // closed, or a client that gave up on the handshake (see below)
        }
    }
});
serverThread.setDaemon(true);
serverThread.start();
System.out.println("versions the server accepts: " + Arrays.toString(tlsServer.getEnabledProtocols()));
// end::server[]

// tag::client[]
try (var socket = (SSLSocket) clientContext.getSocketFactory().createSocket()) {
    socket.connect(new InetSocketAddress(loopback, tlsServer.getLocalPort()), 2000);
    socket.setSoTimeout(2000);
    // Check that the certificate names the host we meant (off by default for SSLSocket).
    var parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    SSLSession session = socket.getSession();
    System.out.println("protocol: " + session.getProtocol());
    System.out.println("cipher:   " + session.getCipherSuite());
    System.out.println("server:   " + session.getPeerPrincipal());
    socket.getOutputStream().write("hola, TLS\n".getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    System.out.println(in.readLine());
}
// end::client[]

// tag::untrusted[]
// The JDK's default trust store (the public certification authorities) does not know a
// certificate made a moment ago: the handshake fails, before any data is sent.
try (var socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
    socket.connect(new InetSocketAddress(loopback, tlsServer.getLocalPort()), 2000);
    socket.setSoTimeout(2000);
    socket.startHandshake();
    System.out.println("handshake done (it should not have been)");
} catch (SSLHandshakeException e) {
    System.out.println(e.getClass().getName());
    System.out.println(e.getMessage());
}
// end::untrusted[]

// tag::relay[]
// A relay between client and server that keeps a copy of what the client sends: what anyone
// on the path (a Wi-Fi, a router, a proxy) can read.
ServerSocket relayTo(int port, ByteArrayOutputStream seen) throws IOException {
    var relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    var thread = new Thread(() -> {
        try (var client = relay.accept();
             var server = new Socket(InetAddress.getLoopbackAddress(), port)) {
            var back = new Thread(() -> {
                try {
                    server.getInputStream().transferTo(client.getOutputStream());
                    client.shutdownOutput();
                } catch (IOException closed) {
                    // one side went away
                }
            });
            back.setDaemon(true);
            back.start();
            var in = client.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (seen) {
                    seen.write(buffer, 0, n);
                }
                server.getOutputStream().write(buffer, 0, n);
            }
            server.shutdownOutput();
            back.join(2000);
        } catch (IOException | InterruptedException e) {
            // one side went away
        }
    });
    thread.setDaemon(true);
    thread.start();
    return relay;
}
// end::relay[]

// tag::wire[]
// The same echo server without TLS, like a POP3 or FTP server: one line in, "eco: " + line back.
var plainServer = new ServerSocket(0, 50, loopback);
var plainThread = new Thread(() -> {
    try (var client = plainServer.accept()) {
        client.setSoTimeout(2000);
        String line = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
        client.getOutputStream().write(("eco: " + line + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
        // closed
    }
});
plainThread.setDaemon(true);
plainThread.start();

String sendThrough(Socket socket, int relayPort) throws IOException {
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relayPort), 2000);
    socket.setSoTimeout(2000);
    socket.getOutputStream().write("PASS secret\n".getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
}

var seenPlain = new ByteArrayOutputStream();
try (var relay = relayTo(plainServer.getLocalPort(), seenPlain); var socket = new Socket()) {
    System.out.println("answer without TLS: " + sendThrough(socket, relay.getLocalPort()));
}
var seenTls = new ByteArrayOutputStream();
try (var relay = relayTo(tlsServer.getLocalPort(), seenTls);
     var socket = clientContext.getSocketFactory().createSocket()) {
    System.out.println("answer with TLS:    " + sendThrough(socket, relay.getLocalPort()));
}
byte[] plainBytes, tlsBytes;
synchronized (seenPlain) { plainBytes = seenPlain.toByteArray(); }
synchronized (seenTls) { tlsBytes = seenTls.toByteArray(); }
System.out.println("the relay saw, without TLS: "
        + new String(plainBytes, StandardCharsets.UTF_8).replace("\n", "\\n"));
System.out.println("the relay saw, with TLS:    " + tlsBytes.length + " bytes, starting "
        + HexFormat.ofDelimiter(" ").formatHex(tlsBytes, 0, 5)
        + "; \"secret\" among them: "
        + new String(tlsBytes, StandardCharsets.ISO_8859_1).contains("secret"));
plainServer.close();
// end::wire[]

// tag::https-server[]
import com.sun.net.httpserver.*;

var https = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
var hola = https.createContext("/hola", exchange -> {
    byte[] body = "Hola, HTTPS".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
        out.write(body);
    }
});
https.start();
var secureUrl = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/hola");
// end::https-server[]

// tag::https[]
// sslContext: the one that trusts our certificate
var client = HttpClient.newBuilder().sslContext(clientContext).connectTimeout(
        Duration.ofSeconds(2)).build();
var request = HttpRequest.newBuilder(secureUrl).timeout(Duration.ofSeconds(2)).build();
var response = client.send(request, HttpResponse.BodyHandlers.ofString());
System.out.println(response.version() + " " + response.statusCode() + ": " + response.body());
System.out.println("over " + response.sslSession().map(SSLSession::getProtocol).orElse("no TLS"));

// The same request with the default SSLContext, which does not trust that certificate.
try {
    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
            .send(request, HttpResponse.BodyHandlers.ofString());
} catch (SSLHandshakeException e) {
    System.out.println(e.getClass().getName() + ": " + e.getMessage());
}
// end::https[]
https.stop(0);
tlsServer.close();
for (Path p : List.of(keyFile, folder)) {
    Files.deleteIfExists(p);
}
/exit
