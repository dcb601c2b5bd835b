package sockets101.grader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HintsTest {
    @Test
    void theHintIsTheTaggedBlockWithoutCodeMarks() {
        String page = """
                === Exercise: `Demo`
                Text before.
                // tag::hint[]
                Call `bind(address)` after `setReuseAddress(true)`.
                // end::hint[]
                Text after.
                """;
        assertThat(Hints.extract(page, "demo.adoc")).isEqualTo("Call bind(address) after setReuseAddress(true).");
    }

    @Test
    void aPageWithoutTheBlockIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Hints.extract("no tags here", "docs/en/Demo.adoc"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("docs/en/Demo.adoc");
        assertThatThrownBy(() -> Hints.extract("// tag::hint[]\n// end::hint[]\n", "docs/en/Demo.adoc"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
    }

    @Test
    void whileGradingAMissingPageOnlySaysSo() {
        assertThat(Hints.of("NoSuchExercise", Lang.EN)).startsWith("(no hint: missing sockets101/docs/en/NoSuchExercise.adoc");
        assertThat(Hints.of("NoSuchExercise", Lang.ES)).startsWith("(sin pista: ");
        assertThatThrownBy(() -> Hints.find("NoSuchExercise", Lang.EN)).isInstanceOf(IllegalStateException.class);
    }
}
