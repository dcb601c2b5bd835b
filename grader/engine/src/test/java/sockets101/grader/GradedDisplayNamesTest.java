package sockets101.grader;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

class GradedDisplayNamesTest {

    @Exercise(lesson = "04-server", section = "bind")
    static class BindTest {
        @Test
        @Graded(points = 2, es = "el puerto 0 se enlaza", en = "port 0 binds")
        void portZero() {
        }

        @Test
        void plain() {
        }
    }

    @Test
    void namesAreTheScoreboardsInTheStudentsLanguage() {
        String before = System.getProperty(Lang.PROPERTY);
        System.setProperty(Lang.PROPERTY, "es");
        try {
            TestPlan plan = LauncherFactory.create().discover(request().selectors(selectClass(BindTest.class))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("junit.jupiter.displayname.generator.default", GradedDisplayNames.class.getName())
                    .build());
            List<String> names = plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
                    .map(TestIdentifier::getDisplayName).toList();
            assertThat(names).contains("Bind — 04-server § bind", "el puerto 0 se enlaza (2 puntos)", "plain()");
        } finally {
            if (before == null) {
                System.clearProperty(Lang.PROPERTY);
            } else {
                System.setProperty(Lang.PROPERTY, before);
            }
        }
    }
}
