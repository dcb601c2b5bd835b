package sockets101.grader;

import java.util.Locale;

/** The language of everything a student is told: Spanish or English. */
public enum Lang {
    ES, EN;

    /** System property that chooses the language ({@code es} or {@code en}). */
    public static final String PROPERTY = "sockets101.lang";

    /**
     * The language in force: the {@value #PROPERTY} system property, else the
     * {@code SOCKETS101_LANG} environment variable, else Spanish when the locale is Spanish
     * and English otherwise.
     */
    public static Lang current() {
        String chosen = System.getProperty(PROPERTY, "");
        if (chosen.isBlank()) {
            chosen = System.getenv().getOrDefault("SOCKETS101_LANG", "");
        }
        if (chosen.isBlank()) {
            return "es".equals(Locale.getDefault().getLanguage()) ? ES : EN;
        }
        return parse(chosen);
    }

    /** {@code es} or {@code en}, any case; anything else is an error that names the value. */
    public static Lang parse(String code) {
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "es" -> ES;
            case "en" -> EN;
            default -> throw new IllegalArgumentException(
                    "unknown language '" + code + "': use es or en / idioma desconocido: use es o en");
        };
    }

    /** One of two texts, by this language. */
    public String pick(String es, String en) {
        return this == ES ? es : en;
    }

    /** The text in the current language; tests use it for bilingual failure messages. */
    public static String say(String es, String en) {
        return current().pick(es, en);
    }

    /** Lower-case code, as used in paths: {@code es} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
