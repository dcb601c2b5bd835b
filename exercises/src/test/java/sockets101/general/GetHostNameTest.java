package sockets101.general;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.grader.Student;
import sockets101.grader.remote.StudentException;
import sockets101.grader.remote.StudentJvm;
import sockets101.testkit.Within;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;
import static sockets101.grader.Lang.say;

/**
 * Offline: names resolve only from literals or, in a separate JVM, from a hosts file of the
 * test's own (a JVM of the student's side); no DNS lookup ever leaves this machine.
 */
@Exercise(lesson = "06-general", section = "gethostname", order = 7)
@Timeout(5)
class GetHostNameTest {
    /** RFC 2606 reserves .test: here it has two addresses, in the probe's hosts file only. */
    static final String PAIR_NAME = "pair.course.test";
    /** RFC 2606 reserves .invalid: it never resolves. */
    static final String INVALID_NAME = "nowhere.invalid";
    private static final String HOSTS = "127.0.0.2 " + PAIR_NAME + "\n" + "::1 " + PAIR_NAME + "\n";

    private static Map<String, String> probed;

    /** What this machine is called, asked of the system the way the hostname command does. */
    private static String systemHostname() throws IOException, InterruptedException {
        Path proc = Path.of("/proc/sys/kernel/hostname");
        if (Files.isReadable(proc)) {
            return Files.readString(proc, StandardCharsets.UTF_8).strip();
        }
        Process process;
        try {
            process = new ProcessBuilder("hostname").redirectErrorStream(true).start();
        } catch (IOException e) {
            return abort(say("no hay /proc/sys/kernel/hostname ni orden hostname para comparar: no se puede probar aquí",
                    "neither /proc/sys/kernel/hostname nor a hostname command to compare with: cannot be tested here"));
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(Loopback.DEADLINE.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return abort(say("la orden hostname falló: no se puede probar aquí", "the hostname command failed: cannot be tested here"));
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }

    /**
     * The probe's results, run once in a JVM of the student's side that resolves names from
     * {@link #HOSTS} only ({@code -Djdk.net.hosts.file}): "=value" or "!ExceptionClass" by name.
     */
    private static synchronized Map<String, String> probe() throws Exception {
        if (probed != null) {
            return probed;
        }
        Path hosts = Files.createTempFile("hosts", ".txt");
        try (StudentJvm jvm = Student.jvm(List.of("-Xmx64m", "-Djdk.net.hosts.file=" + hosts.toAbsolutePath()))) {
            Files.writeString(hosts, HOSTS, StandardCharsets.US_ASCII);
            hosts.toFile().setReadable(true, false);
            Map<String, String> lines = new HashMap<>();
            lines.put("pair", probeOne(() -> addresses(jvm.call(GetHostName.class, "resolve", PAIR_NAME))));
            lines.put("invalid", probeOne(() -> addresses(jvm.call(GetHostName.class, "resolve", INVALID_NAME))));
            lines.put("hostname", probeOne(() -> "=" + jvm.call(GetHostName.class, "hostname")));
            lines.put("output", jvm.output());
            probed = lines;
            return probed;
        } finally {
            Files.deleteIfExists(hosts);
        }
    }

    private static String probeOne(Callable<String> call) {
        try {
            return Within.call(Duration.ofSeconds(3), call, "la JVM de prueba no respondió", "the probing JVM did not answer");
        } catch (StudentException e) {
            return "!" + e.type();
        } catch (Exception e) {
            return "!" + e.getClass().getName();
        }
    }

    /** "=" and the addresses, sorted, as plain text: never through the student's objects. */
    private static String addresses(Object list) {
        List<String> texts = new ArrayList<>();
        for (Object address : (List<?>) list) {
            texts.add(((InetAddress) address).getHostAddress());
        }
        return "=" + texts.stream().sorted().collect(Collectors.joining(","));
    }

    /** The probe's result {@code name}: "=value", "!ExceptionClass", or missing (the probe stopped). */
    private static String probed(String name) throws Exception {
        Map<String, String> lines = probe();
        String result = lines.get(name);
        assertThat(result).as(say("la JVM de prueba no llegó a probar " + name + ":\n" + lines.get("output"),
                "the probing JVM never got to probe " + name + ":\n" + lines.get("output"))).isNotNull();
        return result;
    }

    @Test
    @Graded(points = 2, es = "hostname() es el nombre que el sistema da a esta máquina",
            en = "hostname() is the name the system gives this machine")
    void hostnameIsTheSystemsName() throws Exception {
        String expected = systemHostname();
        assertThat(GetHostName.hostname()).as(say(
                "el nombre de esta máquina, como lo escribe la orden hostname (" + expected + ")",
                "this machine's name, as the hostname command prints it (" + expected + ")")).isEqualTo(expected);
    }

    @Test
    @Graded(points = 2, es = "hostname() funciona aunque el nombre no se resuelva",
            en = "hostname() works even when the name does not resolve")
    void hostnameWorksWhenTheNameDoesNotResolve() throws Exception {
        String expected = systemHostname();
        assertThat(probed("hostname")).as(say(
                "hostname() en una JVM donde el nombre de la máquina no tiene dirección: InetAddress.getLocalHost() lanza "
                        + "UnknownHostException ahí; pregunta al sistema, no al resolvedor",
                "hostname() in a JVM where this machine's name has no address: InetAddress.getLocalHost() throws "
                        + "UnknownHostException there; ask the system, not the resolver"))
                .isEqualTo("=" + expected);
    }

    @Test
    @Graded(points = 1, es = "una dirección literal (IPv4 o IPv6) se devuelve tal cual",
            en = "a literal address (IPv4 or IPv6) comes back as is")
    void literalAddresses() throws Exception {
        assertThat(GetHostName.resolve("127.0.0.1")).as(say("resolve(\"127.0.0.1\")", "resolve(\"127.0.0.1\")"))
                .containsExactly(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        byte[] v6loopback = new byte[16];
        v6loopback[15] = 1;
        assertThat(GetHostName.resolve("::1")).as(say("resolve(\"::1\")", "resolve(\"::1\")"))
                .containsExactly(InetAddress.getByAddress(v6loopback));
    }

    @Test
    @Graded(points = 2, es = "un nombre con dos direcciones devuelve las dos",
            en = "a name with two addresses returns both")
    void everyAddressOfAName() throws Exception {
        assertThat(probed("pair")).as(say(
                "resolve(\"" + PAIR_NAME + "\"), que tiene 127.0.0.2 y ::1: todas las direcciones (getAllByName, no getByName)",
                "resolve(\"" + PAIR_NAME + "\"), which has 127.0.0.2 and ::1: every address (getAllByName, not getByName)"))
                .isEqualTo("=0:0:0:0:0:0:0:1,127.0.0.2");
    }

    @Test
    @Graded(points = 1, es = "un nombre que no existe: UnknownHostException",
            en = "a name that does not exist: UnknownHostException")
    void unknownNameThrows() throws Exception {
        assertThat(probed("invalid")).as(say(
                "resolve(\"" + INVALID_NAME + "\") (.invalid nunca se resuelve): UnknownHostException",
                "resolve(\"" + INVALID_NAME + "\") (.invalid never resolves): UnknownHostException"))
                .isEqualTo("!java.net.UnknownHostException");
    }

    @Test
    @Graded(points = 1, es = "un nombre en blanco: IllegalArgumentException",
            en = "a blank name: IllegalArgumentException")
    void blankNameIsRejected() {
        for (String blank : new String[] {"", "  "}) {
            assertThatThrownBy(() -> GetHostName.resolve(blank)).as(say(
                            "resolve(\"" + blank + "\"): Java resolvería \"\" como localhost sin avisar; rechaza el nombre en blanco",
                            "resolve(\"" + blank + "\"): Java would quietly resolve \"\" as localhost; reject the blank name"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
