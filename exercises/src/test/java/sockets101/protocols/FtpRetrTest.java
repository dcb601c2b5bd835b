package sockets101.protocols;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystem;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.util.Map;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "ftp", order = 3)
@Timeout(5)
class FtpRetrTest {
    static final byte[] TEXT = "Hola, FTP\nsegunda línea\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] BINARY = new byte[256];

    static FakeFtpServer server;
    static InetSocketAddress address;

    @BeforeAll
    static void start() throws InterruptedException {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) i;
        }
        FileSystem files = new UnixFakeFileSystem();
        files.add(new DirectoryEntry("/home/ana"));
        FileEntry text = new FileEntry("/home/ana/hola.txt");
        text.setContents(TEXT);
        files.add(text);
        FileEntry binary = new FileEntry("/home/ana/bytes.bin");
        binary.setContents(BINARY);
        files.add(binary);
        files.add(new DirectoryEntry("/home/ana/docs"));
        files.add(new FileEntry("/home/ana/docs/a.txt", "a"));
        files.add(new FileEntry("/home/ana/docs/b.txt", "bb"));
        server = new FakeFtpServer();
        server.setFileSystem(files);
        server.addUserAccount(new UserAccount("ana", "secret", "/home/ana"));
        server.setServerControlPort(0); // 0: the system picks a free port
        server.start();
        // start() returns before the socket listens: poll with a deadline, never sleep blindly.
        long deadline = System.nanoTime() + Loopback.DEADLINE.toNanos();
        while (!server.isStarted() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000); // a poll with a deadline
        }
        assertThat(server.isStarted()).as("FakeFtpServer started").isTrue();
        address = new InetSocketAddress(Loopback.ADDRESS, server.getServerControlPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    @Graded(points = 3, es = "RETR trae un fichero de texto por la conexión de datos",
            en = "RETR fetches a text file over the data connection")
    void retrievesAText() throws IOException {
        assertThat(FtpRetr.retrieve(address, "ana", "secret", "hola.txt", Loopback.DEADLINE)).as(say(
                "bytes de hola.txt: tras PASV, conéctate al puerto h1,h2,h3,h4,p1,p2 = p1*256+p2 y lee hasta EOF",
                "bytes of hola.txt: after PASV, connect to port h1,h2,h3,h4,p1,p2 = p1*256+p2 and read to EOF"))
                .isEqualTo(TEXT);
    }

    @Test
    @Graded(points = 2, es = "un fichero binario llega intacto (TYPE I)", en = "a binary file arrives intact (TYPE I)")
    void retrievesBinaryIntact() throws IOException {
        assertThat(FtpRetr.retrieve(address, "ana", "secret", "bytes.bin", Loopback.DEADLINE)).as(say(
                "los 256 bytes de bytes.bin, sin cambiar ninguno (pide TYPE I y no los pases por un Reader)",
                "the 256 bytes of bytes.bin, none changed (ask for TYPE I and do not pass them through a Reader)"))
                .isEqualTo(BINARY);
    }

    @Test
    @Graded(points = 3, es = "LIST lista un directorio", en = "LIST lists a directory")
    void listsADirectory() throws IOException {
        List<String> lines = FtpRetr.list(address, "ana", "secret", "docs", Loopback.DEADLINE);
        assertThat(lines).as(say("líneas de LIST docs: una por fichero", "lines of LIST docs: one per file")).hasSize(2);
        assertThat(lines.get(0)).as(say("primera línea de LIST docs", "first line of LIST docs")).endsWith("a.txt");
        assertThat(lines.get(1)).as(say("segunda línea de LIST docs", "second line of LIST docs")).endsWith("b.txt");
    }

    @Test
    @Graded(points = 2, es = "una contraseña mala lanza IOException", en = "a wrong password throws IOException")
    void wrongPasswordThrows() {
        assertThatThrownBy(() -> FtpRetr.retrieve(address, "ana", "wrong", "hola.txt", Loopback.DEADLINE))
                .as(say("PASS con contraseña mala: la respuesta 530 debe llegar como IOException",
                        "PASS with a wrong password: the 530 reply must come as an IOException"))
                .isInstanceOf(IOException.class);
    }

    @Test
    @Graded(points = 1, es = "RETR de un fichero que no existe lanza IOException",
            en = "RETR of a file that does not exist throws IOException")
    void missingFileThrows() {
        assertThatThrownBy(() -> FtpRetr.retrieve(address, "ana", "secret", "nada.txt", Loopback.DEADLINE))
                .as(say("RETR nada.txt: la respuesta 550 debe llegar como IOException",
                        "RETR nada.txt: the 550 reply must come as an IOException"))
                .isInstanceOf(IOException.class);
    }

    /** A text file with LF line ends and a few bytes outside ASCII: what TYPE A would change. */
    static final byte[] LINES = "uno\ndos\r\ntres\n\u00ff\u0000".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * A scripted FTP server (RFC 959) with what real servers send: replies of several lines, whose
     * middle lines need not start with the code (§ 4.2); a PASV reply in {@code pasvFormat}
     * ({@code %s} = h1,h2,h3,h4,p1,p2); the ASCII type until the client asks for TYPE I, with LF
     * sent as CRLF as § 3.1.1.1 says. Its data connection has a small send buffer, so a file
     * larger than the sockets' buffers waits for the client to read it, and 226 comes only after
     * the whole file. Every command is recorded.
     */
    private static ScriptedServer ftp(String pasvFormat, Map<String, byte[]> files) throws IOException {
        return new ScriptedServer((client, s) -> {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            ScriptedServer.write(out, "220-Bienvenido a sockets101 FTP\r\n    Este servidor no guarda nada\r\n220 Listo\r\n");
            boolean binary = false;
            ServerSocket passive = null;
            try {
                for (String line = ScriptedServer.readLine(in); line != null; line = ScriptedServer.readLine(in)) {
                    s.hear(line);
                    String[] words = line.split(" ", 2);
                    switch (words[0].toUpperCase(java.util.Locale.ROOT)) {
                        case "USER" -> ScriptedServer.write(out, "331 Password required for " + words[1] + "\r\n");
                        case "PASS" -> ScriptedServer.write(out, "230-Hola, ana.\r\n  Tienes " + files.size()
                                + " ficheros.\r\n230 Login successful\r\n");
                        case "TYPE" -> {
                            binary = line.equalsIgnoreCase("TYPE I");
                            ScriptedServer.write(out, "200 Type set to " + words[1] + "\r\n");
                        }
                        case "PASV" -> {
                            if (passive != null) {
                                passive.close();
                            }
                            passive = Loopback.listening(1);
                            passive.setSoTimeout((int) Loopback.DEADLINE.toMillis());
                            int port = passive.getLocalPort();
                            String numbers = "127,0,0,1," + port / 256 + "," + port % 256;
                            ScriptedServer.write(out, String.format(pasvFormat, numbers) + "\r\n");
                        }
                        case "RETR", "LIST" -> {
                            byte[] file = files.get(line.startsWith("LIST") ? line : words[1]);
                            if (file == null || passive == null) {
                                ScriptedServer.write(out, "550 " + words[1] + ": No such file\r\n");
                                continue;
                            }
                            ScriptedServer.write(out, "150 Opening " + (binary ? "BINARY" : "ASCII") + " mode data connection\r\n");
                            try (Socket data = passive.accept()) {
                                if (file == SILENT) {
                                    data.getInputStream().readAllBytes(); // nothing sent until the client gives up
                                    continue;
                                }
                                data.setSendBufferSize(8 * 1024);
                                data.getOutputStream().write(binary ? file : asAscii(file));
                            }
                            ScriptedServer.write(out, "226-Transfer complete.\r\n226 " + file.length + " bytes sent\r\n");
                        }
                        case "QUIT" -> {
                            ScriptedServer.write(out, "221 Goodbye.\r\n");
                            return;
                        }
                        default -> ScriptedServer.write(out, "502 Command not implemented\r\n");
                    }
                }
            } finally {
                if (passive != null) {
                    passive.close();
                }
            }
        });
    }

    /** TYPE A on the wire: every LF as CRLF (RFC 959 § 3.1.1.1). */
    private static byte[] asAscii(byte[] file) {
        java.io.ByteArrayOutputStream ascii = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n' && (i == 0 || file[i - 1] != '\r')) {
                ascii.write('\r');
            }
            ascii.write(file[i]);
        }
        return ascii.toByteArray();
    }

    private static byte[] fetch(String pasvFormat, String path, byte[] file) throws IOException {
        try (ScriptedServer server = ftp(pasvFormat, Map.of(path, file))) {
            return FtpRetr.retrieve(server.address(), "ana", "secret", path, Loopback.DEADLINE);
        }
    }

    /** A file whose data connection stays silent. */
    static final byte[] SILENT = new byte[0];

    static final String PASV_USUAL = "227 Entering Passive Mode (%s).";

    @Test
    @Graded(points = 2, es = "lee respuestas de varias líneas cuyas líneas de en medio no llevan código",
            en = "reads replies of several lines whose middle lines carry no code")
    void multilineReplies() throws Exception {
        try (ScriptedServer server = ftp(PASV_USUAL, Map.of("hola.txt", TEXT))) {
            assertThat(FtpRetr.retrieve(server.address(), "ana", "secret", "hola.txt", Loopback.DEADLINE)).as(say(
                    "bytes de hola.txt tras un saludo \"220-...\", \"    Este servidor...\", \"220 Listo\" y un 230 y un 226 de"
                            + " varias líneas: la respuesta acaba en la línea que empieza por el mismo código y un espacio"
                            + " (RFC 959 § 4.2), no en la primera sin \"-\"",
                    "bytes of hola.txt after a greeting \"220-...\", \"    Este servidor...\", \"220 Listo\" and a 230 and a 226 of"
                            + " several lines: the reply ends at the line that starts with the same code and a space"
                            + " (RFC 959 § 4.2), not at the first one without \"-\""))
                    .isEqualTo(TEXT);
            server.awaitScripts();
            assertThat(server.heard()).as(say("órdenes que recibió el servidor", "commands the server received"))
                    .containsExactly("USER ana", "PASS secret", "TYPE I", "PASV", "RETR hola.txt", "QUIT");
        }
    }

    @Test
    @Graded(points = 1, es = "PASV: acepta \"(h1,h2,h3,h4,p1,p2).\" con punto final",
            en = "PASV: accepts \"(h1,h2,h3,h4,p1,p2).\" with a final dot")
    void pasvWithParenthesesAndDot() throws IOException {
        assertThat(fetch(PASV_USUAL, "bytes.bin", BINARY)).as(say(
                "bytes tras \"227 Entering Passive Mode (127,0,0,1,p1,p2).\": busca los seis números, sin contar con lo que va detrás",
                "bytes after \"227 Entering Passive Mode (127,0,0,1,p1,p2).\": look for the six numbers, whatever follows them"))
                .isEqualTo(BINARY);
    }

    @Test
    @Graded(points = 2, es = "PASV: acepta la respuesta sin paréntesis, \"227 =h1,...,p2\"",
            en = "PASV: accepts the reply without parentheses, \"227 =h1,...,p2\"")
    void pasvWithoutParentheses() throws IOException {
        assertThat(fetch("227 =%s", "bytes.bin", BINARY)).as(say(
                "bytes tras \"227 =127,0,0,1,p1,p2\": RFC 1123 § 4.1.2.6 avisa de que el formato de 227 varía; busca los"
                        + " seis números separados por comas, no los paréntesis",
                "bytes after \"227 =127,0,0,1,p1,p2\": RFC 1123 § 4.1.2.6 warns that the 227 format varies; look for the"
                        + " six comma-separated numbers, not the parentheses"))
                .isEqualTo(BINARY);
    }

    @Test
    @Graded(points = 2, es = "pide TYPE I: sin él, el servidor cambia los fines de línea",
            en = "asks for TYPE I: without it, the server changes the line ends")
    void typeImageOnTheWire() throws IOException {
        assertThat(fetch(PASV_USUAL, "lineas.txt", LINES)).as(say(
                "bytes de lineas.txt (LF, CRLF, 0xFF, 0x00): en el tipo ASCII, el de partida, el servidor manda cada LF como"
                        + " CRLF (RFC 959 § 3.1.1.1); envía TYPE I antes de RETR para recibir los bytes tal cual",
                "bytes of lineas.txt (LF, CRLF, 0xFF, 0x00): in the ASCII type, the default, the server sends every LF as"
                        + " CRLF (RFC 959 § 3.1.1.1); send TYPE I before RETR to get the bytes as they are"))
                .isEqualTo(LINES);
    }

    @Test
    @Graded(points = 2, es = "un fichero mayor que los búferes: lee los datos antes de esperar el 226",
            en = "a file larger than the buffers: reads the data before waiting for the 226")
    void largeFileBeforeTheFinalReply() throws IOException {
        byte[] large = new byte[1024 * 1024];
        new java.util.Random(101).nextBytes(large);
        byte[] got = fetch(PASV_USUAL, "grande.bin", large);
        assertThat(got.length).as(say("bytes recibidos de grande.bin", "bytes received of grande.bin")).isEqualTo(large.length);
        // The first differing byte, not two 1 MiB arrays in the report.
        assertThat(java.util.Arrays.mismatch(got, large)).as(say(
                "el MiB de grande.bin: no cabe en los búferes de los sockets, así que el servidor manda el 226 solo"
                        + " cuando lo has leído; lee la conexión de datos hasta EOF y después el 226",
                "the MiB of grande.bin: it does not fit in the sockets' buffers, so the server sends the 226 only"
                        + " once you have read it; read the data connection to EOF, then the 226; first byte that differs"))
                .isEqualTo(-1);
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> FtpRetr.retrieve(silent.address(), "ana", "secret", "hola.txt", ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "una conexión de datos que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent data connection: SocketTimeoutException when the time limit ends")
    void silentDataConnectionTimesOut() throws IOException {
        try (ScriptedServer server = ftp(PASV_USUAL, Map.of("silencio.bin", SILENT))) {
            assertThatThrownBy(() -> FtpRetr.retrieve(server.address(), "ana", "secret", "silencio.bin", ScriptedServer.QUICK))
                    .as(say("RETR con 150 y una conexión de datos que no envía nada, plazo de 100 ms: las lecturas de la"
                                    + " conexión de datos también van acotadas",
                            "RETR with 150 and a data connection that sends nothing, time limit 100 ms: the reads of the"
                                    + " data connection are bounded too"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "LIST: líneas sin su CRLF, sin las vacías", en = "LIST: lines without their CRLF, blank ones left out")
    void listLeavesOutBlankLines() throws IOException {
        byte[] listing = ("-rw-r--r-- 1 ana ana 1 Dec  3 07:00 a.txt\r\n\r\n"
                + "-rw-r--r-- 1 ana ana 2 Dec  3 07:00 b.txt\r\n   \r\n").getBytes(StandardCharsets.UTF_8);
        try (ScriptedServer server = ftp(PASV_USUAL, Map.of("LIST docs", listing))) {
            assertThat(FtpRetr.list(server.address(), "ana", "secret", "docs", Loopback.DEADLINE)).as(say(
                    "líneas de LIST docs con una línea vacía y otra de espacios: cada línea sin CRLF, las vacías fuera",
                    "lines of LIST docs with an empty line and one of spaces: each line without CRLF, the blank ones left out"))
                    .containsExactly("-rw-r--r-- 1 ana ana 1 Dec  3 07:00 a.txt", "-rw-r--r-- 1 ana ana 2 Dec  3 07:00 b.txt");
        }
    }
}
