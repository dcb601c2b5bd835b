package sockets101.grader.watch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sockets101.grader.GradeReport;
import sockets101.grader.Lang;
import sockets101.grader.LessonLinks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The student's loop from the command line: {@code grade} (one-shot, what
 * {@code ./mvnw -q -Pstudent test} runs) and {@code watch} (what {@code ./mvnw -q -Pwatch}
 * runs). It ends the JVM with its exit status: 0 only when everything graded passes.
 */
@Command(name = "sockets101", mixinStandardHelpOptions = true, version = "Sockets 101 student loop",
        description = "Grades the exercises / Corrige los ejercicios.",
        subcommands = {Main.Grade.class, Main.Watch.class, Bench.class})
public final class Main {
    /** Exit status of a run that could not grade (a bad option, no exercises). */
    static final int CANNOT_GRADE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(Main.class);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // A student sees the reason, not our stack trace (unless asked for with --trace).
            cmd.getErr().println("sockets101: " + e.getMessage());
            Options options = cmd.getCommand() instanceof Grade g ? g.options : cmd.getCommand() instanceof Watch w ? w.options : null;
            if (options != null && options.trace) {
                e.printStackTrace(cmd.getErr());
            }
            return CANNOT_GRADE;
        });
        return line;
    }

    /** The options both commands take. */
    static final class Options {
        @Option(names = "--exercises", description = "the exercises folder (default: exercises)", defaultValue = "exercises")
        Path exercises;

        @Option(names = "--exercise", description = "one exercise by name (* or empty: every one / where you left off)",
                defaultValue = "*")
        String exercise;

        @Option(names = "--lang", description = "es or en (empty: SOCKETS101_LANG, else the locale)", defaultValue = "")
        String lang;

        @Option(names = "--site-url", description = "the published course site, for lesson links when no built site is here",
                defaultValue = "")
        String siteUrl;

        @Option(names = "--trace", description = "print each failure's stack trace", arity = "0..1", fallbackValue = "true",
                defaultValue = "false")
        boolean trace;

        Lang language() {
            Lang chosen = lang == null || lang.isBlank() ? Lang.current() : Lang.parse(lang);
            // The tests' own messages (Lang.say) follow the same choice.
            System.setProperty(Lang.PROPERTY, chosen.code());
            return chosen;
        }

        StudentLoop.Setup setup() {
            Lang chosen = language();
            if (!siteUrl.isBlank()) {
                System.setProperty(LessonLinks.URL_PROPERTY, siteUrl);
            }
            return StudentLoop.Setup.of(exercises, chosen, siteUrl, trace);
        }

        boolean all() {
            return exercise == null || exercise.isBlank() || "*".equals(exercise);
        }
    }

    /** One-shot grading: the scoreboard, each failure's reason, hint and lesson, and nothing else. */
    @Command(name = "grade", mixinStandardHelpOptions = true, description = "Grades once and prints the scoreboard.")
    static final class Grade implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() throws IOException {
            return grade(options, System.out);
        }
    }

    /** Grades once; the exit status. */
    static int grade(Options options, PrintStream out) throws IOException {
        StudentLoop.Setup setup = options.setup();
        Lang lang = setup.lang();
        try (StudentLoop loop = new StudentLoop(setup)) {
            List<ExerciseIndex.Entry> entries;
            if (options.all()) {
                entries = loop.index().entries();
            } else {
                var one = loop.index().find(options.exercise);
                if (one.isEmpty()) {
                    out.println(lang.pick("No hay ningún ejercicio " + options.exercise + ". Los ejercicios: ",
                            "There is no exercise " + options.exercise + ". The exercises: ") + String.join(", ", loop.index().names()));
                    return CANNOT_GRADE;
                }
                entries = List.of(one.get());
            }
            ExerciseRunner.Run run = loop.grade(entries);
            GradeReport report = run.report();
            loop.withPages(() -> {
                try {
                    report.write(setup.exercises().resolve("target/grade"), run.seconds(), "");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            if (!run.output().isBlank()) {
                out.println(lang.pick("Lo que imprimió tu código (y las pruebas):", "What your code (and the tests) printed:"));
                run.output().lines().limit(40).forEach(l -> out.println("  │ " + l));
            }
            out.print(loop.withPages(() -> report.scoreboard(1)));
            if (options.trace && !run.traces().isEmpty()) {
                out.println();
                out.println(lang.pick("Trazas de pila (-Dtrace):", "Stack traces (-Dtrace):"));
                run.traces().values().forEach(t -> out.println(t.strip() + "\n"));
            }
            if (!report.perfect()) {
                out.println();
                out.println(lang.pick("Aún no: " + report.score() + "/" + report.maxScore()
                                + " puntos. Mientras trabajas: ./mvnw -q -Pwatch corrige en cada guardado.",
                        "Not yet: " + report.score() + "/" + report.maxScore()
                                + " points. While you work: ./mvnw -q -Pwatch grades at every save."));
                return 1;
            }
            return 0;
        }
    }

    /** Watch mode: grades the exercise being worked on at every save, until q. */
    @Command(name = "watch", mixinStandardHelpOptions = true, description = "Grades at every save; h hint, l list, n next, q quit.")
    static final class Watch implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() throws Exception {
            StudentLoop loop = new StudentLoop(options.setup());
            Lang lang = loop.setup().lang();
            try (WatchSession session = WatchSession.open(loop, options.all() ? null : options.exercise);
                 Terminal terminal = Terminal.open()) {
                if (!terminal.raw()) {
                    System.out.println(lang.pick("(Escribe la tecla y pulsa Intro.)", "(Type the key, then Enter.)"));
                }
                session.start();
                WatchLoop.run(session, terminal.keys(), terminal::show);
            }
            System.out.println(lang.pick("Hasta luego: tu progreso está en exercises/.progress.json.",
                    "Bye: your progress is in exercises/.progress.json."));
            return 0;
        }
    }
}
