package sockets101.build;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges PIT's survivors: every mutant that the graded tests did not kill (status SURVIVED or
 * NO_COVERAGE) must be listed in {@code equivalent-mutants.txt} with the reason it is equivalent
 * (it changes nothing a caller can observe), and every listed mutant must still survive (a stale
 * entry hides nothing, so it goes). Prints the mutation score.
 *
 * <p>An entry is one line: {@code Class#method line N: PIT's description | reason}; lines
 * starting with {@code #} are comments. Run with the JDK's source launcher:
 * {@code java CheckMutants.java mutations.xml equivalent-mutants.txt}.
 */
public final class CheckMutants {
    private CheckMutants() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Path listed = Path.of(args[1]);
        NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getElementsByTagName("mutation");
        Set<String> survivors = new TreeSet<>();
        int killed = 0;
        for (int i = 0; i < mutations.getLength(); i++) {
            Element m = (Element) mutations.item(i);
            String status = m.getAttribute("status");
            if (status.equals("SURVIVED") || status.equals("NO_COVERAGE")) {
                survivors.add(key(m));
            } else {
                killed++;
            }
        }
        Map<String, String> equivalent = read(listed);
        int total = mutations.getLength();
        List<String> unexplained = survivors.stream().filter(s -> !equivalent.containsKey(s)).toList();
        List<String> stale = equivalent.keySet().stream().filter(e -> !survivors.contains(e)).toList();
        System.out.printf("[mutation] %d mutants, %d killed by the graded tests (%.0f%%), %d equivalent (listed in %s)%n",
                total, killed, 100.0 * killed / total, survivors.size() - unexplained.size(), listed.getFileName());
        unexplained.forEach(s -> System.err.println("[mutation] survived, not listed as equivalent: " + s));
        stale.forEach(s -> System.err.println("[mutation] listed as equivalent but no longer survives (remove it): " + s));
        if (!unexplained.isEmpty() || !stale.isEmpty()) {
            System.err.println("[mutation] kill each survivor with a graded test, or list it in " + listed
                    + " as 'KEY | why no caller can tell the difference'");
            System.exit(1);
        }
    }

    /** {@code Class#method line N: description}, e.g. {@code sockets101.general.Send#send line 24: removed call to ...}. */
    static String key(Element m) {
        return text(m, "mutatedClass") + "#" + text(m, "mutatedMethod") + " line " + text(m, "lineNumber") + ": "
                + text(m, "description");
    }

    private static String text(Element m, String tag) {
        return m.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    private static Map<String, String> read(Path listed) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(listed)) {
            return entries;
        }
        for (String line : Files.readAllLines(listed, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.lastIndexOf(" | ");
            if (bar < 0 || line.substring(bar + 3).isBlank()) {
                throw new IllegalArgumentException(listed + ": an entry needs its reason after ' | ': " + line);
            }
            entries.put(line.substring(0, bar).trim(), line.substring(bar + 3).trim());
        }
        return entries;
    }
}
