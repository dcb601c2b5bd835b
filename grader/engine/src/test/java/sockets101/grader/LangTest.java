package sockets101.grader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LangTest {
    private final String saved = System.getProperty(Lang.PROPERTY);
    private final Locale locale = Locale.getDefault();

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, saved);
        }
        Locale.setDefault(locale);
    }

    @Test
    void parsesEitherCodeInAnyCase() {
        assertThat(Lang.parse("es")).isEqualTo(Lang.ES);
        assertThat(Lang.parse(" EN ")).isEqualTo(Lang.EN);
    }

    @Test
    void rejectsAnotherLanguageNamingIt() {
        assertThatThrownBy(() -> Lang.parse("fr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fr'").hasMessageContaining("es or en");
    }

    @Test
    void thePropertyWinsOverTheLocale() {
        Locale.setDefault(Locale.forLanguageTag("es-ES"));
        System.setProperty(Lang.PROPERTY, "en");
        assertThat(Lang.current()).isEqualTo(Lang.EN);
        assertThat(Lang.say("hola", "hello")).isEqualTo("hello");
    }

    @Test
    void withoutThePropertyASpanishLocaleMeansSpanish() {
        System.setProperty(Lang.PROPERTY, "");
        Locale.setDefault(Locale.forLanguageTag("es-AR"));
        // SOCKETS101_LANG, when set in the environment, would win: only check what it allows.
        String env = System.getenv("SOCKETS101_LANG");
        assertThat(Lang.current()).isEqualTo(env == null || env.isBlank() ? Lang.ES : Lang.parse(env));
        Locale.setDefault(Locale.GERMANY);
        assertThat(Lang.current()).isEqualTo(env == null || env.isBlank() ? Lang.EN : Lang.parse(env));
    }

    @Test
    void picksAndNamesItsCode() {
        assertThat(Lang.ES.pick("a", "b")).isEqualTo("a");
        assertThat(Lang.EN.pick("a", "b")).isEqualTo("b");
        assertThat(Lang.ES.code()).isEqualTo("es");
        assertThat(Lang.EN.code()).isEqualTo("en");
    }
}
