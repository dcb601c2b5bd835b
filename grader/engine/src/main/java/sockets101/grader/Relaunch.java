package sockets101.grader;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starts the autograder again in a JVM fit to grade, when this one is not: file names are read
 * as UTF-8 whatever the locale (with no {@code LANG}, as on CI runners, the JDK reads them as
 * ASCII and a single non-ASCII file name would stop grading), and no process can attach to it
 * ({@code -XX:+DisableAttachMechanism}: the trusted tests run here).
 */
final class Relaunch {
    static final String CHILD = "sockets101.autograder.child";
    private static final String NO_ATTACH = "-XX:+DisableAttachMechanism";

    private Relaunch() {
    }

    static boolean needed() {
        if (System.getProperty(CHILD) != null) {
            return false;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        boolean utf8Names = windows || "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        boolean noAttach = ManagementFactory.getRuntimeMXBean().getInputArguments().contains(NO_ATTACH);
        return !utf8Names || !noAttach;
    }

    static int run(String[] args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, NO_ATTACH, "-D" + CHILD + "=true"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xmx") || option.startsWith("-D" + Lang.PROPERTY)) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path") + File.pathSeparator, Autograder.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            builder.environment().put("LC_ALL", "C.UTF-8");
        }
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return child.waitFor();
    }
}
