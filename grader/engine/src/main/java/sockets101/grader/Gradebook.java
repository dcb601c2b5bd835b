package sockets101.grader;

import java.util.List;
import java.util.Map;

/**
 * The batch grader's gradebook: a CSV file (RFC 4180, UTF-8, CRLF line ends) with one row per
 * student: the student's folder name, the points in each exercise, the total, the maximum,
 * and why the submission could not be graded (empty once graded).
 */
final class Gradebook {
    private Gradebook() {
    }

    /**
     * One student's row.
     *
     * @param student the submission folder's name
     * @param points  points per exercise; empty when the submission could not be graded
     * @param total   points in all, or null when not graded
     * @param max     points possible, or null when not graded
     * @param error   why it could not be graded, or empty
     */
    record Row(String student, Map<String, Integer> points, Integer total, Integer max, String error) {
        Row {
            points = Map.copyOf(points);
            error = error == null ? "" : error;
        }

        static Row graded(String student, Map<String, Integer> points, int total, int max) {
            return new Row(student, points, total, max, "");
        }

        static Row failed(String student, String error) {
            return new Row(student, Map.of(), null, null, error);
        }

        boolean isGraded() {
            return error.isEmpty();
        }
    }

    /** The whole file: a header (student, the exercises in order, total, max, error), then the rows. */
    static String csv(List<String> exercises, List<Row> rows) {
        StringBuilder csv = new StringBuilder();
        StringBuilder header = new StringBuilder("student");
        exercises.forEach(e -> header.append(',').append(cell(e)));
        csv.append(header).append(",total,max,error\r\n");
        for (Row row : rows) {
            csv.append(cell(row.student()));
            for (String exercise : exercises) {
                Integer points = row.points().get(exercise);
                csv.append(',').append(points == null ? "" : points.toString());
            }
            csv.append(',').append(row.total() == null ? "" : row.total().toString())
                    .append(',').append(row.max() == null ? "" : row.max().toString())
                    .append(',').append(cell(row.error())).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * One text cell. Quoted when it holds a comma, a quote or a line end (quotes doubled); a
     * leading {@code = + - @}, tab or CR gets a {@code '} first, so that a spreadsheet opening the
     * gradebook never runs a folder name or an error message as a formula.
     */
    static String cell(String text) {
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
