package sockets101.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The unprivileged user the graded JVMs run as ({@code --run-as USER}, Linux, when the
 * autograder runs as root, as on Gradescope): the submission then cannot write the results,
 * the autograder's files or the JDK, nor signal the autograder. Uses {@code setpriv}
 * (util-linux).
 */
record RunAs(String user, int uid, int gid) {

    static RunAs of(String user) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalArgumentException("--run-as " + user + " needs the autograder to run as root");
        }
        return new RunAs(user, id("-u", user), id("-g", user));
    }

    private static int id(String flag, String user) throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", flag, user).redirectErrorStream(true).start();
        String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (id.waitFor() != 0 || !out.matches("\\d+")) {
            throw new IllegalArgumentException("--run-as: no such user '" + user + "' (" + out + ")");
        }
        return Integer.parseInt(out);
    }

    /** The command prefix that drops to this user. */
    List<String> prefix() {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
    }

    /** Gives a folder to this user (the graded JVM writes its log and temporary files there). */
    void own(Path dir) throws IOException {
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", gid);
    }
}
