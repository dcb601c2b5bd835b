package sockets101.grader;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Feedback in English during each test ({@code sockets101.lang=en}), the property restored after. */
final class EnglishFeedback implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace SAVED = ExtensionContext.Namespace.create(EnglishFeedback.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        String saved = System.getProperty(Lang.PROPERTY);
        context.getStore(SAVED).put(Lang.PROPERTY, saved == null ? "" : saved);
        System.setProperty(Lang.PROPERTY, "en");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String saved = context.getStore(SAVED).get(Lang.PROPERTY, String.class);
        if (saved == null || saved.isEmpty()) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, saved);
        }
    }
}
