package sockets101.grader;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of one exercise's trusted tests in the autograder: the tests, their testkit
 * and the stand-ins for the student's classes are loaded again here (child first), so that the
 * stand-ins of each exercise reach that exercise's submission JVM. The grader, JUnit and the
 * libraries come from the parent, shared.
 */
final class ExerciseLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    ExerciseLoader(String exercise, URL[] classPath, ClassLoader parent) {
        super("exercise-" + exercise, classPath, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("sockets101.") || name.startsWith("sockets101.grader.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
