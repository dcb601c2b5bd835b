// Lesson 07 — the seed's protocol table, spoken by the libraries a professional uses,
// against servers started right here on loopback, port 0 (the same kind the labs' tests
// use).
// The build runs it with the lessons module's class path; by hand:
//   ./mvnw -q -B package -pl lessons -DskipTests   (writes lessons/target/classpath.txt)
//   jshell --class-path "$(cat lessons/target/classpath.txt)" \
//       lessons/snippets/07-protocols.jsh

import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import java.util.function.*;

var loopback = InetAddress.getLoopbackAddress();

// A tiny scripted server for the protocols with no Java server library at hand (NNTP,
// Telnet, Gopher): it listens on loopback, port 0, and runs `script` for each client,
// one after the other, on its own thread.
interface Script {
    void talk(Socket client) throws IOException;
}

ServerSocket scripted(Script script) throws IOException {
    var server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    var thread = new Thread(() -> {
        while (!server.isClosed()) {
            try (var client = server.accept()) {
                client.setSoTimeout(2000);
                script.talk(client);
            } catch (IOException closed) {
                // the server was closed, or a client went away
            }
        }
    });
    thread.setDaemon(true);
    thread.start();
    return server;
}

BufferedReader lines(Socket client) throws IOException {
    return new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
}

void write(Socket client, String text) throws IOException {
    client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    client.getOutputStream().flush();
}

// tag::http-server[]
import com.sun.net.httpserver.HttpServer;

var web = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
var hello = web.createContext("/hola", exchange -> {
    byte[] body = "Hola, HTTP".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
        out.write(body);
    }
});
web.start();
var url = URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/hola");
// end::http-server[]

// tag::http[]
var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
var response = http.send(request, HttpResponse.BodyHandlers.ofString());
System.out.println(response.version() + " " + response.statusCode());
var headers = response.headers();
System.out.println(headers.map().keySet()); // the header names as HttpClient hands them over
System.out.println("Content-Type: " + headers.firstValue("Content-Type").orElse("?"));
System.out.println("CONTENT-LENGTH: " + headers.firstValue("CONTENT-LENGTH").orElse("?"));
System.out.println(response.body());
// end::http[]

// tag::http-wire[]
try (var socket = new Socket()) {
    socket.connect(new InetSocketAddress(loopback, web.getAddress().getPort()), 2000);
    socket.setSoTimeout(2000);
    String get = "GET /hola HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    socket.getOutputStream().write(get.getBytes(StandardCharsets.US_ASCII));
    byte[] answer = socket.getInputStream().readAllBytes();
    String raw = new String(answer, StandardCharsets.UTF_8)
            .replaceAll("Date: [^\r\n]*", "Date: (now)");
    // Show the line ends: every line of an HTTP head ends with CRLF.
    System.out.println(raw.replace("\r\n", "\\r\\n\n"));
}
// end::http-wire[]
web.stop(0);

// tag::http-close[]
// A server that sends neither Content-Length nor chunked: the body is whatever arrives
// before it closes the connection (RFC 9112, section 6.3).
var closing = scripted(client -> {
    var in = lines(client);
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // the request head, up to its empty line
    }
    write(client, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Sin longitud:\nel cuerpo acaba cuando el servidor cierra.\n");
});
var untilClose = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closing.getLocalPort() + "/"))
                .timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
System.out.println(untilClose.statusCode() + ", content-length: "
        + untilClose.headers().firstValue("content-length").orElse("(none)"));
System.out.print(untilClose.body());
closing.close();
// end::http-close[]

// tag::mail-server[]
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

var mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
mail.start();
var ana = mail.setUser("ana@example.org", "ana", "secret");
boolean listening = mail.getSmtp().getPort() > 0 && mail.getPop3().getPort() > 0 &&
        mail.getImap().getPort() > 0;
System.out.println("SMTP, POP3 and IMAP listening on loopback: " + listening);
// end::mail-server[]

// tag::smtp[]
import jakarta.mail.*;
import jakarta.mail.internet.*;

var props = new Properties();
props.putAll(Map.of("mail.smtp.host", "127.0.0.1",
        "mail.smtp.port", String.valueOf(mail.getSmtp().getPort()),
        "mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000"));
var session = Session.getInstance(props);
var message = new MimeMessage(session);
message.setFrom("luis@example.org");
message.setRecipients(Message.RecipientType.TO, "ana@example.org");
message.setSubject("Hola desde Jakarta Mail");
message.setText("Primera linea\n.esta empieza por punto\n", "UTF-8");
Transport.send(message);
System.out.println("messages the server received: " + mail.getReceivedMessages().length);
// end::smtp[]

// tag::pop3[]
var pop3 = session.getStore("pop3");
pop3.connect("127.0.0.1", mail.getPop3().getPort(), "ana", "secret");
var popInbox = pop3.getFolder("INBOX");
popInbox.open(Folder.READ_ONLY);
System.out.println(popInbox.getMessageCount() + " message(s)");
var first = popInbox.getMessage(1);
System.out.println("Subject: " + first.getSubject());
System.out.print(first.getContent());
popInbox.close(false);
pop3.close();
// end::pop3[]

// tag::imap[]
var imap = session.getStore("imap");
imap.connect("127.0.0.1", mail.getImap().getPort(), "ana", "secret");
var imapInbox = imap.getFolder("INBOX");
imapInbox.open(Folder.READ_ONLY);
System.out.println("EXISTS: " + imapInbox.getMessageCount());
System.out.println("first subject: " + imapInbox.getMessage(1).getSubject());
imapInbox.close(false);
imap.close();
// end::imap[]
mail.stop();

// tag::ftp-server[]
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.*;

var files = new UnixFakeFileSystem();
files.add(new DirectoryEntry("/home/ana"));
files.add(new FileEntry("/home/ana/hola.txt", "Hola, FTP\n"));
var ftpServer = new FakeFtpServer();
ftpServer.setFileSystem(files);
ftpServer.addUserAccount(new UserAccount("ana", "secret", "/home/ana"));
ftpServer.setServerControlPort(0);
ftpServer.start();
for (long end = System.nanoTime() + 2_000_000_000L;
        !ftpServer.isStarted() && System.nanoTime() < end; ) {
    Thread.onSpinWait(); // start() returns before the server listens
}
// end::ftp-server[]

// tag::ftp[]
import org.apache.commons.net.PrintCommandListener;
import org.apache.commons.net.ftp.*;

var ftp = new FTPClient();
ftp.setConnectTimeout(2000);
ftp.setDefaultTimeout(2000);
// Print every command and reply of the control connection (false: the password too).
ftp.addProtocolCommandListener(new PrintCommandListener(new PrintWriter(System.out, true), false));
ftp.connect("127.0.0.1", ftpServer.getServerControlPort());
System.out.println("login: " + ftp.login("ana", "secret"));
ftp.enterLocalPassiveMode();      // PASV: the client opens the data connection
var binary = ftp.setFileType(FTP.BINARY_FILE_TYPE); // TYPE I: the bytes as they are
for (FTPFile f : ftp.listFiles()) {
    System.out.println("LIST: " + f.getName() + ", " + f.getSize() + " bytes");
}
var download = new ByteArrayOutputStream();
System.out.println("RETR: " + ftp.retrieveFile("hola.txt", download));
System.out.print(download.toString(StandardCharsets.UTF_8));
System.out.println("QUIT: " + ftp.logout());
ftp.disconnect();
// end::ftp[]

// tag::ftp-epsv[]
// EPSV (RFC 2428): the server answers only a port; the data connection goes to the same
// address as the control one, IPv4 or IPv6. FTPClient uses it on IPv6, or when asked.
ftp.connect("127.0.0.1", ftpServer.getServerControlPort());
var loggedIn = ftp.login("ana", "secret");
ftp.enterLocalPassiveMode();
ftp.setUseEPSVwithIPv4(true);
var retrieved = ftp.retrieveFile("hola.txt", new ByteArrayOutputStream());
var quit = ftp.logout();
ftp.disconnect();
// end::ftp-epsv[]
ftpServer.stop();

// tag::nntp-server[]
// A scripted news server (RFC 3977) with one group of one article, numbered 10.
var news = scripted(client -> {
    write(client, "200 sockets101 news ready\r\n");
    var in = lines(client);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("GROUP comp.lang.java")) {
            write(client, "211 1 10 10 comp.lang.java\r\n");
        } else if (line.equals("ARTICLE 10")) {
            write(client, "220 10 <10@example.org>\r\n"
                    + "From: ana@example.org\r\nSubject: Sockets\r\n\r\n"
                    + "Un socket es un extremo de una conexion.\r\n"
                    + "..empieza por punto\r\n.\r\n");
        } else if (line.equals("QUIT")) {
            write(client, "205 bye\r\n");
            return;
        } else {
            write(client, "500 what?\r\n");
        }
    }
});
// end::nntp-server[]

// tag::nntp[]
import org.apache.commons.net.nntp.*;

var nntp = new NNTPClient();
nntp.setConnectTimeout(2000);
nntp.setDefaultTimeout(2000);
nntp.connect("127.0.0.1", news.getLocalPort());
var group = new NewsgroupInfo();
System.out.println("GROUP: " + nntp.selectNewsgroup("comp.lang.java", group));
System.out.println(group.getArticleCountLong() + " article(s), numbers "
        + group.getFirstArticleLong() + ".." + group.getLastArticleLong());
try (BufferedReader article = nntp.retrieveArticle(group.getFirstArticleLong())) {
    article.lines().forEach(System.out::println);
}
System.out.println("QUIT: " + nntp.logout());
nntp.disconnect();
// end::nntp[]
news.close();

// tag::telnet-server[]
// A scripted Telnet server (RFC 854/855): asks DO TERMINAL-TYPE (24), offers WILL ECHO
// (1), records the client's two three-byte answers (IAC, verb, option), sends its banner.
var verbs = Map.of(251, "WILL", 252, "WONT", 253, "DO", 254, "DONT");
var answers = Collections.synchronizedList(new ArrayList<String>()); // the server adds
var bbs = scripted(client -> {
    var out = client.getOutputStream();
    out.write(new byte[] {(byte) 255, (byte) 253, 24, (byte) 255, (byte) 251, 1});
    out.flush();
    var in = client.getInputStream();
    for (int i = 0; i < 2; i++) {
        byte[] answer = in.readNBytes(3);
        answers.add(answer.length < 3 ? "(nothing)"
                : "IAC " + verbs.get(answer[1] & 0xFF) + " " + answer[2]);
    }
    write(client, "Welcome to sockets101\r\nlogin: ");
});
// end::telnet-server[]

// tag::telnet[]
import org.apache.commons.net.telnet.*;

var telnet = new TelnetClient();
telnet.setConnectTimeout(2000);
var received = Map.of(TelnetNotificationHandler.RECEIVED_DO, "DO",
        TelnetNotificationHandler.RECEIVED_DONT, "DONT",
        TelnetNotificationHandler.RECEIVED_WILL, "WILL",
        TelnetNotificationHandler.RECEIVED_WONT, "WONT");
telnet.registerNotifHandler((type, option) ->
        System.out.println("server sent " + received.get(type) + " " + option));
telnet.connect("127.0.0.1", bbs.getLocalPort());
byte[] bannerBytes = telnet.getInputStream().readAllBytes(); // until the server closes
String banner = new String(bannerBytes, StandardCharsets.UTF_8);
telnet.disconnect();
System.out.println("TelnetClient answered: " + answers);
System.out.println(banner.replace("\r\n", "\\r\\n\n"));
// end::telnet[]
bbs.close();

// tag::gopher-server[]
// A scripted Gopher server (RFC 1436): the root menu, whatever the selector.
var hole = scripted(client -> {
    lines(client).readLine(); // the selector
    write(client, "iBienvenido a sockets101\t\terror.host\t1\r\n"
            + "0Sobre este servidor\t/about.txt\tgopher.example.org\t70\r\n"
            + "1Lecciones\t/lessons\tgopher.example.org\t70\r\n"
            + ".\r\n");
});
// end::gopher-server[]

// tag::gopher[]
record Item(char type, String display, String selector, String host, int port) {}

List<Item> gopher(InetSocketAddress server, String selector) throws IOException {
    try (var socket = new Socket()) {
        socket.connect(server, 2000);
        socket.setSoTimeout(2000);
        var out = socket.getOutputStream();
        out.write((selector + "\r\n").getBytes(StandardCharsets.UTF_8));
        var in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        var items = new ArrayList<Item>();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) { // "." ends the menu
            String[] f = line.substring(1).split("\t", -1);
            items.add(new Item(line.charAt(0), f[0], f[1], f[2], Integer.parseInt(f[3])));
        }
        return items;
    }
}

var root = gopher(new InetSocketAddress(loopback, hole.getLocalPort()), "");
root.forEach(System.out::println);
// end::gopher[]
hole.close();
/exit
