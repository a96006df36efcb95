package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;

import org.hotcell.core.backend.Backend;
import org.junit.jupiter.api.Test;

/**
 * In OSGi the backend is a bundle that can be updated while the host's threads live on. A product leaves
 * per-thread scratch behind on the calling thread; that must not keep the backend's class loader reachable,
 * or every update of the bundle leaks the old one. The backend's classes are loaded here by a throw-away loader
 * (the core contracts from the test's own loader, as the framework would share them), used on this long-lived
 * test thread, and the loader must then be collectable.
 */
class ClassLoaderReleaseTest {

    @Test
    void productsOnALongLivedThreadDoNotHoldTheBackendsClassLoader() throws Exception {
        WeakReference<ClassLoader> loader = useBackendFromThrowAwayLoader();
        for (int i = 0; i < 100 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(loader.get()).as("the backend's class loader after its last use").isNull();
    }

    private static WeakReference<ClassLoader> useBackendFromThrowAwayLoader() throws Exception {
        URL classes = SimdBackend.class.getProtectionDomain().getCodeSource().getLocation();
        ChildFirst loader = new ChildFirst(classes, ClassLoaderReleaseTest.class.getClassLoader());
        Class<?> type = loader.loadClass(SimdBackend.class.getName());
        assertThat(type.getClassLoader()).isSameAs(loader);
        Backend backend = (Backend) type.getMethod("withThreadCount", int.class).invoke(null, 1);
        int m = 9;
        int n = 40;
        int k = 30;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        java.util.Arrays.fill(a, 1f);
        java.util.Arrays.fill(b, 2f);
        // Both paths that keep scratch: several rows (packed A) and one row (the streaming product).
        backend.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        assertThat(c[m * n - 1]).isEqualTo(2f * k);
        backend.multiply(a, 0, k, 1, backend.pack(b, 0, n, k), c, 0, n, false);
        assertThat(c[0]).isEqualTo(2f * k);
        loader.close();
        return new WeakReference<>(loader);
    }

    /** Loads the backend's own packages itself, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        private static final String OWN = "org.hotcell.backend.simd.";

        ChildFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(OWN)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> found = findLoadedClass(name);
                if (found == null) {
                    found = findClass(name);
                }
                if (resolve) {
                    resolveClass(found);
                }
                return found;
            }
        }
    }
}
