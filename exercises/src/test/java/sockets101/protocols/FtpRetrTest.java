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
}
