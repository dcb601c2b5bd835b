package sockets101.grader.watch;

import sockets101.grader.ExerciseSpec;
import sockets101.grader.GradeReport;
import sockets101.grader.Hints;
import sockets101.grader.Lang;
import sockets101.grader.Outcome;
import sockets101.grader.TestSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watch mode without its terminal: the exercise being worked on, its last grade and what the
 * screen shows. {@link #poll()} grades again when a source changed (the exercise whose file was
 * saved becomes the current one); {@link #key(char)} takes the student's keys: {@code h} hint
 * and lesson, {@code l} list, {@code n} next exercise, {@code q} quit. Progress is saved in
 * {@code exercises/.progress.json} after every grade, so a new session resumes there.
 */
public final class WatchSession implements AutoCloseable {
    /** A grade as watch mode reports it. */
    public record Verdict(String exercise, boolean passed, int score, int max, double seconds) {
    }

    private final StudentLoop loop;
    private final Lang lang;
    private final Progress progress;
    private ExerciseIndex.Entry current;
    private ExerciseRunner.Run last;
    private boolean showHint;
    private boolean showList;
    private Consumer<Verdict> onVerdict = v -> { };

    private WatchSession(StudentLoop loop, String startAt) throws IOException {
        this.loop = loop;
        this.lang = loop.setup().lang();
        this.progress = Progress.load(loop.setup().exercises().resolve(Progress.FILE));
        ExerciseIndex index = loop.index();
        Optional<ExerciseIndex.Entry> chosen = startAt == null || startAt.isBlank() || "*".equals(startAt)
                ? Optional.empty() : index.find(startAt);
        if (startAt != null && !startAt.isBlank() && !"*".equals(startAt) && chosen.isEmpty()) {
            throw new IllegalArgumentException(lang.pick("no hay ningún ejercicio ", "there is no exercise ") + startAt
                    + lang.pick("; los ejercicios: ", "; the exercises: ") + String.join(", ", index.names()));
        }
        current = chosen.or(() -> Optional.ofNullable(progress.current()).flatMap(index::find))
                .or(() -> index.entries().stream().filter(e -> !progress.passed(e.name())).findFirst())
                .orElse(index.entries().get(0));
    }

    /** Opens a session on the loop's folder, at {@code startAt} (an exercise's name), else where the progress file says. */
    public static WatchSession open(StudentLoop loop, String startAt) throws IOException {
        return new WatchSession(loop, startAt);
    }

    /** Called after every grade (the benchmark times saves with it). */
    public void onVerdict(Consumer<Verdict> listener) {
        this.onVerdict = listener;
    }

    /** The exercise being worked on. */
    public String current() {
        return current.name();
    }

    /** Grades the current exercise (the first screen). */
    public Verdict start() throws IOException {
        return grade();
    }

    /** Grades again if a source changed since the last grade; true if it did. */
    public boolean poll() throws IOException {
        Set<Path> changed = loop.workspace().changedSources();
        if (changed.isEmpty() && !loop.workspace().testsChanged()) {
            return false;
        }
        loop.index().entries().stream().filter(e -> changed.contains(e.studentSource())).findFirst()
                .ifPresent(e -> {
                    if (!e.equals(current)) {
                        current = e;
                        showHint = false;
                    }
                });
        grade();
        return true;
    }

    /** Handles a key; false when the student quits. */
    public boolean key(char key) throws IOException {
        switch (Character.toLowerCase(key)) {
            case 'q' -> {
                return false;
            }
            case 'h' -> showHint = !showHint;
            case 'l' -> showList = !showList;
            case 'n' -> {
                current = next();
                showHint = false;
                grade();
            }
            default -> {
                // Any other key (Enter in line mode) only redraws.
            }
        }
        return true;
    }

    private Verdict grade() throws IOException {
        last = loop.grade(List.of(current));
        GradeReport report = last.report();
        boolean passed = report.perfect();
        progress.update(current.name(), passed);
        Verdict verdict = new Verdict(current.name(), passed, report.score(), report.maxScore(), last.seconds());
        onVerdict.accept(verdict);
        return verdict;
    }

    /** The next exercise in course order that has not passed, after the current one (wrapping round). */
    private ExerciseIndex.Entry next() {
        List<ExerciseIndex.Entry> all = loop.index().entries();
        int at = all.indexOf(current);
        for (int i = 1; i <= all.size(); i++) {
            ExerciseIndex.Entry candidate = all.get((at + i) % all.size());
            if (!progress.passed(candidate.name())) {
                return candidate;
            }
        }
        return all.get((at + 1) % all.size());
    }

    /** What the screen shows now. */
    public String screen() {
        return loop.withPages(this::render);
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        GradeReport report = last.report();
        ExerciseSpec spec = report.exercises().get(0);
        List<ExerciseIndex.Entry> all = loop.index().entries();
        long done = all.stream().filter(e -> progress.passed(e.name())).count();
        out.append("Sockets 101 · ").append(lang.pick("modo vigilancia", "watch mode")).append(" · ")
                .append(spec.name()).append("   ").append(lang.pick("hechos ", "done ")).append(done).append('/')
                .append(all.size()).append('\n');
        out.append(lang.pick("Edita ", "Edit ")).append(loop.setup().exercises().relativize(current.studentSource())
                .toString().replace('\\', '/')).append(lang.pick(" y guarda: se corrige solo.", " and save: it grades itself."))
                .append("\n\n");
        Outcome firstFailure = null;
        TestSpec firstFailed = null;
        int width = spec.tests().stream().mapToInt(t -> t.title(lang).length()).max().orElse(10);
        for (TestSpec test : spec.tests()) {
            Outcome outcome = report.outcome(spec, test);
            out.append(String.format("  %s %-" + width + "s  %d/%d%n", outcome.passed() ? "✔" : "✘", test.title(lang),
                    outcome.passed() ? test.points() : 0, test.points()));
            if (!outcome.passed() && firstFailure == null) {
                firstFailure = outcome;
                firstFailed = test;
            }
        }
        out.append(String.format("  %-" + width + "s  %d/%d%n", spec.name(), report.score(), report.maxScore()));
        out.append('\n');
        if (firstFailure == null) {
            out.append(lang.pick("✔ " + spec.name() + " pasa: " + report.score() + "/" + report.maxScore() + ".",
                    "✔ " + spec.name() + " passes: " + report.score() + "/" + report.maxScore() + ".")).append('\n');
            ExerciseIndex.Entry next = next();
            if (progress.passed(next.name())) {
                out.append(lang.pick("✔ Todos los ejercicios pasan. ¡Enhorabuena!", "✔ Every exercise passes. Well done!"))
                        .append('\n');
            } else {
                out.append(lang.pick("Siguiente en el curso: ", "Next in the course: ")).append(next.name())
                        .append(lang.pick(" — pulsa n.", " — press n.")).append('\n');
            }
        } else {
            out.append(lang.pick("✘ Lo primero que falla: ", "✘ The first check that fails: ")).append(firstFailed.title(lang))
                    .append('\n').append(indent(firstFailure.reason(), "    ")).append('\n');
            if (loop.setup().trace()) {
                String id = firstFailed.id();
                last.traces().entrySet().stream().filter(t -> t.getKey().startsWith(id)).findFirst()
                        .ifPresent(t -> out.append(indent(t.getValue().strip(), "    ")).append('\n'));
            }
        }
        if (!last.output().isBlank()) {
            List<String> lines = last.output().lines().toList();
            out.append('\n').append(lang.pick("Lo que imprimió tu código:", "What your code printed:")).append('\n');
            lines.subList(Math.max(0, lines.size() - 10), lines.size()).forEach(l -> out.append("  │ ").append(l).append('\n'));
        }
        if (showHint) {
            String hint = lang.pick("Pista: ", "Hint: ");
            out.append('\n').append(hint).append(Hints.of(spec.name(), lang).replace("\n", "\n" + " ".repeat(hint.length())))
                    .append('\n').append(lang.pick("Lección: ", "Lesson: ")).append(report.lessonLink(spec)).append('\n');
        }
        if (showList) {
            out.append('\n');
            int nameWidth = all.stream().mapToInt(e -> e.name().length()).max().orElse(5);
            for (ExerciseIndex.Entry e : all) {
                String state = e.equals(current) ? lang.pick("▶ actual", "▶ current")
                        : progress.passed(e.name()) ? lang.pick("✔ hecho", "✔ done") : lang.pick("· pendiente", "· to do");
                out.append(String.format("  %-" + nameWidth + "s  %s%n", e.name(), state));
            }
        }
        out.append('\n').append(String.format(lang.pick("(corregido en %.2f s)  ", "(graded in %.2f s)  "), last.seconds()))
                .append(lang.pick("[h] pista y lección · [l] lista · [n] siguiente · [q] salir",
                        "[h] hint and lesson · [l] list · [n] next · [q] quit")).append('\n');
        return out.toString();
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }

    @Override
    public void close() throws IOException {
        loop.close();
    }
}
