package sockets101.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;
import sockets101.testkit.Within;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "04-server", section = "accept", order = 3)
@Timeout(5)
class AcceptTest {

    @Test
    @Graded(points = 2, es = "responde a una línea con lo que devuelve el handler, y cierra al final",
            en = "answers a line with what the handler returns, and closes at the end")
    void answersALineWithTheHandlersReply() throws Exception {
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            serve(server, line -> line.toUpperCase(Locale.ROOT));
            try (LineClient client = LineClient.connect(server)) {
                client.send("hola, servidor");
                // Half-close: the client has nothing more to say, so the server answers and closes.
                client.socket.shutdownOutput();
                assertThat(client.readToEnd()).as(say(
                        "todo lo que envió el servidor hasta cerrar, para la línea \"hola, servidor\" y el handler toUpperCase",
                        "everything the server sent until it closed, for the line \"hola, servidor\" and the handler toUpperCase"))
                        .isEqualTo("HOLA, SERVIDOR\n");
            }
        }
    }

    @Test
    @Graded(points = 2, es = "lee y escribe las líneas en UTF-8 (ñ, €, emoji)", en = "reads and writes lines in UTF-8 (ñ, €, emoji)")
    void readsAndWritesUtf8() throws Exception {
        String sent = "año, ñandú, 10 € y 😀";
        String answer = "¡Olé! 5 € 🎉";
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            serve(server, line -> {
                seen.add(line);
                return answer;
            });
            try (LineClient client = LineClient.connect(server)) {
                client.send(sent);
                assertThat(client.reply("la respuesta a una línea", "the reply to a line")).as(say(
                        "la respuesta, leída en UTF-8: el handler devolvió \"" + answer + "\"; escríbela con StandardCharsets.UTF_8",
                        "the reply, read as UTF-8: the handler returned \"" + answer + "\"; write it with StandardCharsets.UTF_8"))
                        .isEqualTo(answer);
                assertThat(seen.poll(Loopback.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as(say(
                        "la línea que recibió el handler: el cliente envió \"" + sent + "\" en UTF-8; léela con StandardCharsets.UTF_8",
                        "the line the handler got: the client sent \"" + sent + "\" in UTF-8; read it with StandardCharsets.UTF_8"))
                        .isEqualTo(sent);
            }
        }
    }

    @Test
    @Graded(points = 2, es = "responde a muchas líneas seguidas en la misma conexión",
            en = "answers many lines in a row on one connection")
    void answersManyLinesOnOneConnection() throws Exception {
        int count = 300;
        StringBuilder burst = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            burst.append("línea ").append(i).append('\n');
            expected.add("<línea " + i + ">");
        }
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            serve(server, line -> "<" + line + ">");
            try (LineClient client = LineClient.connect(server)) {
                // All lines in one write: the server finds many of them in one read.
                client.sendRaw(burst.toString());
                List<String> replies = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    replies.add(client.reply("la respuesta a la línea " + i + " de " + count + " enviadas de una vez",
                            "the reply to line " + i + " of " + count + " sent at once"));
                }
                assertThat(replies).as(say("las " + count + " respuestas, en orden", "the " + count + " replies, in order"))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    @Graded(points = 2, es = "cada respuesta llega enseguida (flush tras cada línea)",
            en = "each reply arrives at once (flush after each line)")
    void flushesEveryReply() throws Exception {
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            serve(server, line -> line + "!");
            try (LineClient client = LineClient.connect(server)) {
                for (String line : List.of("uno", "dos", "tres")) {
                    client.send(line);
                    assertThat(client.reply(
                            "el cliente espera la respuesta a \"" + line + "\" con la conexión abierta: ¿hiciste flush() tras escribirla?",
                            "the client waits for the reply to \"" + line + "\" with the connection open: did you flush() after writing it?"))
                            .as(say("la respuesta a \"" + line + "\"", "the reply to \"" + line + "\"")).isEqualTo(line + "!");
                }
            }
        }
    }

    @Test
    @Graded(points = 3, es = "atiende a dos clientes a la vez: uno callado no bloquea al otro",
            en = "serves two clients at once: a silent one does not block the other")
    void servesTwoClientsAtOnce() throws Exception {
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            serve(server, line -> "ok " + line);
            try (LineClient first = LineClient.connect(server)) {
                first.send("a");
                assertThat(first.reply("el primer cliente, solo", "the first client, alone")).isEqualTo("ok a");
                // The first client now stays connected and says nothing.
                try (LineClient second = LineClient.connect(server)) {
                    second.send("b");
                    assertThat(second.reply(
                            "el segundo cliente mientras el primero sigue conectado y callado: atiende a cada cliente en un hilo propio",
                            "the second client while the first stays connected and silent: serve each client on a thread of its own"))
                            .isEqualTo("ok b");
                }
                first.send("c");
                assertThat(first.reply("el primer cliente otra vez, tras irse el segundo",
                        "the first client again, after the second left")).isEqualTo("ok c");
            }
        }
    }

    @Test
    @Graded(points = 1, es = "serve devuelve el hilo del bucle ya arrancado", en = "serve returns the loop's thread, already started")
    void returnsTheStartedLoopThread() throws Exception {
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            Thread loop = serve(server, line -> line);
            assertThat(loop).as(say("el hilo que devuelve serve(...): no el del que llama", "the thread serve(...) returns: not the caller's"))
                    .isNotSameAs(Thread.currentThread());
            assertThat(loop.getState()).as(say(
                    "estado del hilo que devuelve serve(...): NEW significa que falta loop.start()",
                    "state of the thread serve(...) returns: NEW means loop.start() is missing"))
                    .isNotEqualTo(Thread.State.NEW).isNotEqualTo(Thread.State.TERMINATED);
        }
    }

    @Test
    @Graded(points = 2, es = "el hilo del bucle termina al cerrar el ServerSocket",
            en = "the loop's thread ends once the ServerSocket is closed")
    void theLoopEndsOnceTheServerIsClosed() throws Exception {
        Thread loop;
        try (ServerSocket server = Loopback.listeningForStudent(50)) {
            loop = serve(server, line -> line);
            try (LineClient client = LineClient.connect(server)) {
                client.send("hola");
                assertThat(client.reply("un cliente antes de cerrar el servidor", "a client before the server is closed"))
                        .isEqualTo("hola");
            }
        }
        loop.join(Loopback.DEADLINE.toMillis());
        assertThat(loop.getState()).as(say(
                "estado del hilo del bucle " + Loopback.DEADLINE.toMillis() + " ms después de server.close(): accept() lanza "
                        + "SocketException cuando el servidor se cierra; el bucle debe terminar, no seguir",
                "state of the loop's thread " + Loopback.DEADLINE.toMillis() + " ms after server.close(): accept() throws "
                        + "SocketException once the server is closed; the loop must end, not carry on"))
                .isEqualTo(Thread.State.TERMINATED);
    }


    /** Calls {@code Accept.serve}, which must return at once: the loop runs on its own thread. */
    private static Thread serve(ServerSocket server, UnaryOperator<String> handler) throws Exception {
        Thread loop = Within.call(Loopback.DEADLINE, () -> Accept.serve(server, handler),
                "serve(...) debe volver enseguida: el bucle de accept() va en un hilo aparte",
                "serve(...) must return at once: the accept() loop runs on a thread of its own");
        assertThat(loop).as(say("el hilo que devuelve serve(...)", "the thread serve(...) returns")).isNotNull();
        return loop;
    }

    /** A client that speaks UTF-8 lines; every read bounded by {@link Loopback#DEADLINE}. */
    private record LineClient(Socket socket, BufferedReader in, OutputStream out) implements AutoCloseable {
        static LineClient connect(ServerSocket server) throws IOException {
            Socket socket = Loopback.connect(server.getLocalPort());
            return new LineClient(socket,
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)),
                    socket.getOutputStream());
        }

        void send(String line) throws IOException {
            sendRaw(line + "\n");
        }

        void sendRaw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** The next line from the server; a missing one fails the test, saying which. */
        String reply(String es, String en) throws IOException {
            String line;
            try {
                line = in.readLine();
            } catch (SocketTimeoutException e) {
                throw new AssertionError(say("ninguna respuesta en " + Loopback.DEADLINE.toMillis() + " ms: ",
                        "no reply within " + Loopback.DEADLINE.toMillis() + " ms: ") + say(es, en), e);
            }
            if (line == null) {
                throw new AssertionError(say("el servidor cerró la conexión sin responder: ",
                        "the server closed the connection without replying: ") + say(es, en));
            }
            return line;
        }

        /** Everything the server sends until it closes; a server that never closes fails the test. */
        String readToEnd() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream raw = socket.getInputStream();
            byte[] buffer = new byte[1024];
            try {
                for (int n = raw.read(buffer); n >= 0; n = raw.read(buffer)) {
                    bytes.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError(say(
                        "el servidor no cerró la conexión en " + Loopback.DEADLINE.toMillis() + " ms tras cerrar el cliente su lado "
                                + "(readLine() devuelve null): cierra el socket del cliente; recibido hasta entonces: \"",
                        "the server did not close the connection within " + Loopback.DEADLINE.toMillis() + " ms after the client "
                                + "closed its side (readLine() returns null): close the client's socket; received until then: \"")
                        + bytes.toString(StandardCharsets.UTF_8) + "\"", e);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
