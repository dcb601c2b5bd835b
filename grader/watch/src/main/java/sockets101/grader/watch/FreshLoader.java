package sockets101.grader.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one grading: the student's classes and the tests, freshly compiled, are
 * loaded here first (never an older copy the parent may hold, such as Maven's
 * {@code target/classes}), so every grading starts from clean static state. JUnit, AssertJ
 * and the grader come from the parent, shared with the launcher. The exercises' pages
 * ({@code sockets101/docs/…}, where the hints are) are served from {@code exercises/docs}.
 */
final class FreshLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final String DOCS = "sockets101/docs/";
    private final Path docs;

    FreshLoader(List<Path> folders, ClassLoader parent, Path docs) {
        super(urls(folders), parent);
        this.docs = docs;
    }

    private static URL[] urls(List<Path> folders) {
        return folders.stream().map(f -> {
            try {
                return f.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null && !name.startsWith("java.")) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notHere) {
                    // Not the student's nor a test's: the parent's.
                }
            }
            if (type == null) {
                type = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        if (name.startsWith(DOCS)) {
            Path page = docs.resolve(name.substring(DOCS.length())).normalize();
            if (page.startsWith(docs) && Files.isRegularFile(page)) {
                try {
                    return page.toUri().toURL();
                } catch (MalformedURLException e) {
                    return null;
                }
            }
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        URL own = getResource(name);
        Enumeration<URL> parents = getParent().getResources(name);
        if (own == null) {
            return parents;
        }
        List<URL> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(Collections.list(parents));
        return Collections.enumeration(all);
    }
}
