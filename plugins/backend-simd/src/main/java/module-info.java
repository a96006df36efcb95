/** Hotcell's CPU backend on the Java Vector API. */
module org.hotcell.backend.simd {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    // SimdBackend is a core Backend: whoever reads this module reads core's types too.
    requires transitive org.hotcell.core;
    requires jdk.incubator.vector;
    requires org.slf4j;

    exports org.hotcell.backend.simd;

    provides org.hotcell.core.backend.Backend with org.hotcell.backend.simd.SimdBackend;
}
