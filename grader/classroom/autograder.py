#!/usr/bin/env python3
"""Sockets 101 for Java: the Classroom 50 autograder of one assignment.

Written by scripts/export-classroom50 into CLASSROOM/autograders/ASSIGNMENT/autograder.py of the
organization's classroom50 repository (the values under "Exported settings" are placeholders
until then). Classroom 50's runner runs it once per submission, with the student's checkout as
the working directory. It:

1. fetches autograder.jar from JAR_URL and refuses it unless its SHA-256 is JAR_SHA256 (the jar
   is 14 MB: too big for the 10 MiB bundle, so it is hosted elsewhere and pinned here);
2. grades ./exercises once with it (only exercises/src/main/java/**/*.java is read; the tests
   are the jar's own), each exercise in JVMs of its own within TIME_LIMIT seconds;
3. writes ./result.json (schema classroom50/result/v1: one row per exercise, partial credit in
   whole points) and ./release-body.md (the scoreboard in Markdown, in the course's language).

Exit status 0 whenever grading ran, whatever the score. Non-zero is an infrastructure error
(the jar cannot be fetched or verified, no java, the environment is not Classroom 50's): the
runner then publishes no grade, and the reason is in the job's log. The points and the maximum
come from EXERCISES, the catalog exported with the jar, never from what the submission did.

Python 3.8 or newer, standard library only.
"""

import hashlib
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

# --- Exported settings (written by scripts/export-classroom50) ---
JAR_URL = "@JAR_URL@"
JAR_SHA256 = "@JAR_SHA256@"
LANG = "@LANG@"
TIME_LIMIT = "@TIME_LIMIT@"
EXERCISES = "@EXERCISES@"
# --- End of the exported settings ---

RESULT_SCHEMA = "classroom50/result/v1"
RESULT_FILE = "result.json"
BODY_FILE = "release-body.md"
SUBMISSION_FOLDER = "exercises"
# Classroom 50 stops the whole grading job at 15 minutes; checkout, toolchain setup and
# publishing the Release need the rest.
GRADING_BUDGET_SECONDS = 12 * 60
MAX_JAR_BYTES = 64 * 1024 * 1024
FETCH_ATTEMPTS = 3
# Caps that keep the Release body readable whatever the submission printed.
MAX_DETAIL_CHARS = 2000
MAX_NOTES_CHARS = 4000
MAX_BODY_CHARS = 60000


class InfrastructureError(Exception):
    """Grading could not run: the runner must publish no grade."""


def say(es, en):
    """The course's language, as exported."""
    return es if LANG == "es" else en


def settings():
    """The exported settings, checked: a script that was never exported cannot grade."""
    placeholders = [v for v in (JAR_URL, JAR_SHA256, LANG, TIME_LIMIT, EXERCISES) if v.startswith("@") and v.endswith("@")]
    if placeholders or LANG not in ("es", "en") or len(JAR_SHA256) != 64 or not TIME_LIMIT.isdigit():
        raise InfrastructureError("this autograder.py was not written by scripts/export-classroom50 (its settings are placeholders)")
    catalog = []
    for item in EXERCISES.split():
        name, _, points = item.partition("=")
        catalog.append((name, int(points)))
    if not catalog or any(points <= 0 for _, points in catalog):
        raise InfrastructureError("the exported exercise catalog is empty or has an exercise worth no points")
    return catalog, int(TIME_LIMIT)


def identity():
    """The result's identity fields, from the runner's environment."""
    def env(name):
        value = os.environ.get(name, "").strip()
        if not value:
            raise InfrastructureError(f"{name} is not set: this script runs under Classroom 50's runner")
        return value

    submission = env("SUBMISSION_TAG")
    if not submission.startswith("submit/"):
        raise InfrastructureError(f"SUBMISSION_TAG is {submission!r}, not a submit/* tag")
    commit = env("COMMIT_URL")
    return {
        "schema": RESULT_SCHEMA,
        "classroom": env("CLASSROOM"),
        "assignment": env("ASSIGNMENT"),
        "submission": submission,
        "commit": commit,
        "release": env("RELEASE_URL"),
        # The runner always sets it; its own fallback is the commit view.
        "review": os.environ.get("REVIEW_URL", "").strip() or commit,
    }


def fetch_jar(directory):
    """Downloads autograder.jar into directory and checks its SHA-256 against the exported one."""
    data, problem = None, None
    for attempt in range(FETCH_ATTEMPTS):
        try:
            request = urllib.request.Request(JAR_URL, headers={"User-Agent": "sockets101-classroom50-autograder"})
            with urllib.request.urlopen(request, timeout=60) as response:
                data = response.read(MAX_JAR_BYTES + 1)
            break
        except urllib.error.HTTPError as e:
            problem = f"HTTP {e.code} {e.reason}"
            if e.code < 500:
                break  # 404 or 403: asking again will not help
        except (urllib.error.URLError, OSError) as e:
            problem = str(getattr(e, "reason", e))
        if attempt + 1 < FETCH_ATTEMPTS:
            time.sleep(2 ** attempt)
    if data is None:
        raise InfrastructureError(f"cannot fetch autograder.jar from {JAR_URL}: {problem}")
    if len(data) > MAX_JAR_BYTES:
        raise InfrastructureError(f"{JAR_URL} is larger than {MAX_JAR_BYTES} bytes: not autograder.jar")
    digest = hashlib.sha256(data).hexdigest()
    if digest != JAR_SHA256:
        raise InfrastructureError(
            f"autograder.jar from {JAR_URL} has SHA-256 {digest}, not the exported {JAR_SHA256}: "
            "it is not the jar this autograder was exported with (upload the exported jar again, or export again)")
    jar = pathlib.Path(directory, "autograder.jar")
    jar.write_bytes(data)
    return jar


def find_java():
    """The java of the runtime block ({"java": "17"} sets JAVA_HOME), else the one on the PATH."""
    home = os.environ.get("JAVA_HOME", "").strip()
    if home:
        for name in ("java", "java.exe"):
            candidate = pathlib.Path(home, "bin", name)
            if candidate.is_file():
                return str(candidate)
    found = shutil.which("java")
    if not found:
        raise InfrastructureError('no java: give the assignment the runtime block {"java": "17"}')
    return found


def child_environment():
    """What the grading processes get: enough to run Java, and none of the job's other variables."""
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for name in ("PATH", "HOME", "JAVA_HOME", "TMPDIR", "SYSTEMROOT", "TEMP", "TMP"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


def indent(text):
    """Echoes text into the job's log two spaces in, so that no line of it reads as a workflow command."""
    return "".join("  " + line + "\n" for line in text.splitlines())


def kill_group(process):
    """Kills the process group the autograder led (POSIX), if anything is left in it."""
    if os.name == "posix":
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def isolation():
    """The command prefix and options that run the student's code as user nobody, where possible.

    As root, or where the job may use sudo without a password (GitHub's hosted runners), the
    autograder runs as root with --run-as nobody: the student's code then cannot write the jar,
    the results or anything of the job's (see the README's security model). Elsewhere it runs as
    the job's user.
    """
    if os.name != "posix" or not shutil.which("setpriv"):
        return [], []
    try:
        import pwd
        pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        return [], []
    if os.geteuid() == 0:
        return [], ["--run-as", "nobody"]
    if shutil.which("sudo"):
        try:
            probe = subprocess.run(["sudo", "-n", "true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, timeout=10)
            if probe.returncode == 0:
                return ["sudo", "-n", "--"], ["--run-as", "nobody"]
        except (OSError, subprocess.TimeoutExpired):
            pass
    return [], []


def run_autograder(java, jar, work, time_limit):
    """Grades ./exercises; returns the autograder's results.json (Gradescope's format)."""
    results = pathlib.Path(work, "results.json")
    prefix, run_as = isolation()
    command = prefix + [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar),
                        "--submission", SUBMISSION_FOLDER, "--results", str(results),
                        "--lang", LANG, "--time-limit", str(time_limit)] + run_as
    process = subprocess.Popen(command, env=child_environment(), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=os.name == "posix")
    try:
        output, _ = process.communicate(timeout=GRADING_BUDGET_SECONDS)
    except subprocess.TimeoutExpired:
        kill_group(process)
        process.kill()
        process.communicate()
        raise InfrastructureError(f"grading did not end within {GRADING_BUDGET_SECONDS} s")
    # Whatever the graded code left running in the autograder's process group goes too, before
    # result.json is written (the autograder itself stops what it can trace).
    kill_group(process)
    text = output.decode("utf-8", errors="replace")
    sys.stdout.write(indent(text))
    if process.returncode != 0 or not results.is_file():
        last = [line for line in text.splitlines() if line.strip()][-3:]
        raise InfrastructureError(f"autograder.jar could not grade (exit status {process.returncode}): " + " | ".join(last))
    return json.loads(results.read_text(encoding="utf-8"))


def rows_from(results, catalog):
    """One row per exercise of the catalog, from the autograder's tests ("Exercise › title")."""
    points = dict(catalog)
    earned = {name: 0 for name in points}
    possible = {name: 0 for name in points}
    failures = {name: [] for name in points}
    for test in results.get("tests", []):
        exercise, _, title = str(test.get("name", "")).partition(" › ")
        if exercise not in points:
            raise InfrastructureError(f"autograder.jar graded {exercise!r}, which the exported catalog does not have")
        earned[exercise] += int(test.get("score", 0))
        possible[exercise] += int(test.get("max_score", 0))
        if test.get("status") != "passed":
            failures[exercise].append((title, int(test.get("max_score", 0)), str(test.get("output", ""))))
    rows = []
    for name, maximum in catalog:
        if possible[name] != maximum:
            raise InfrastructureError(f"autograder.jar says {name} is worth {possible[name]} points, the catalog {maximum}")
        score = min(max(earned[name], 0), maximum)
        rows.append({"test-name": name, "passed": score == maximum, "score": score, "max-score": maximum})
    return rows, failures


def result_json(ident, rows):
    result = dict(ident)
    result["score"] = sum(row["score"] for row in rows)
    result["max-score"] = sum(row["max-score"] for row in rows)
    result["tests"] = rows
    return result


def fence(text):
    """A backtick fence longer than any run of backticks in text, so that text cannot close it."""
    longest, run = 0, 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def clip(text, limit):
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "\n…"


def points_word(n):
    return f"{n} " + (say("punto", "point") if n == 1 else say("puntos", "points"))


def release_body(result, failures, notes, lead=""):
    """The scoreboard in Markdown: a row per exercise, then what fails, reason first."""
    lines = [f"### {say('Sockets 101 — marcador', 'Sockets 101 — scoreboard')}: {result['score']}/{result['max-score']}", ""]
    if lead:
        lines += [f"**{lead}**", ""]
    lines += [say("| | Ejercicio | Puntos | Máximo |", "| | Exercise | Points | Max |"), "|---|---|---:|---:|"]
    for row in result["tests"]:
        mark = "✔" if row["passed"] else "✘"
        lines.append(f"| {mark} | {row['test-name']} | {row['score']} | {row['max-score']} |")
    lines.append(f"| | **Total** | **{result['score']}** | **{result['max-score']}** |")
    lines.append("")
    if result["score"] == result["max-score"]:
        lines.append(say("✔ Todo correcto.", "✔ All passed."))
    size = sum(len(line) + 1 for line in lines)
    for row in result["tests"]:
        if row["passed"]:
            continue
        section = ["", f"<details><summary>✘ {row['test-name']} — {row['score']}/{row['max-score']}: "
                       f"{say('lo que falla', 'what fails')}</summary>", ""]
        for title, worth, output in failures.get(row["test-name"], []):
            detail = clip(output, MAX_DETAIL_CHARS) or say("(sin detalle)", "(no detail)")
            section += [f"**✘ {title}** ({points_word(worth)})", "", fence(detail) + "text", detail, fence(detail), ""]
        section.append("</details>")
        text = "\n".join(section)
        if size + len(text) > MAX_BODY_CHARS:
            lines += ["", say("_(Hay más fallos: ejecuta `./mvnw -q test` para verlos todos.)_",
                              "_(More failures: run `./mvnw -q test` to see them all.)_")]
            break
        lines.append(text)
        size += len(text) + 1
    if notes.strip() and size + MAX_NOTES_CHARS < MAX_BODY_CHARS:
        detail = clip(notes, MAX_NOTES_CHARS)
        lines += ["", f"<details><summary>{say('Notas del compilador y del corrector', 'Compiler and grader notes')}</summary>",
                  "", fence(detail) + "text", detail, fence(detail), "", "</details>"]
    return "\n".join(lines) + "\n"


def write(name, text):
    """Writes a file of the checkout, replacing (never following) a link the submission may have left there."""
    path = pathlib.Path(name)
    if path.is_symlink():
        path.unlink()
    path.write_text(text, encoding="utf-8")


def main():
    started = time.monotonic()
    catalog, time_limit = settings()
    ident = identity()
    folder = pathlib.Path(SUBMISSION_FOLDER)
    if folder.is_symlink() or not folder.is_dir():
        # Nothing to grade, and nothing the jar is needed for: every exercise at 0, and why.
        reason = say(f"La entrega no tiene la carpeta {SUBMISSION_FOLDER}/ (donde van los ejercicios): 0 puntos.",
                     f"The submission has no {SUBMISSION_FOLDER}/ folder (where the exercises go): 0 points.")
        print(reason)
        rows = [{"test-name": name, "passed": False, "score": 0, "max-score": points} for name, points in catalog]
        result = result_json(ident, rows)
        failures = {name: [("—", points, reason)] for name, points in catalog}
        write(RESULT_FILE, json.dumps(result, indent=2) + "\n")
        write(BODY_FILE, release_body(result, failures, "", lead=reason))
        return 0
    java = find_java()
    work = tempfile.mkdtemp(prefix="sockets101-", dir=os.environ.get("RUNNER_TEMP") or None)
    try:
        jar = fetch_jar(work)
        results = run_autograder(java, jar, work, time_limit)
        rows, failures = rows_from(results, catalog)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = result_json(ident, rows)
    write(RESULT_FILE, json.dumps(result, indent=2) + "\n")
    write(BODY_FILE, release_body(result, failures, str(results.get("output", ""))))
    print(f"sockets101: {result['score']}/{result['max-score']} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except InfrastructureError as problem:
        print(f"::error::sockets101 autograder: {problem}", file=sys.stderr)
        sys.exit(1)
