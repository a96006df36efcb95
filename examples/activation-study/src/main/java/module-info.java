/**
 * The activation study: trains every combination of cell type, gate function and candidate/output function
 * (the standard ones plus any from plugin jars) over several seeds on the built-in tasks, and writes a report
 * that answers "why sigmoid for the gates and tanh for the candidate, and can I use ReLU instead?" from the
 * numbers: learning curves, final metrics, steps to solve, cell-state growth, gradient norms and divergence.
 */
module org.hotcell.study {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;
    requires transitive org.hotcell.model;
    requires org.knowm.xchart;
    requires java.desktop;
    requires org.slf4j;

    exports org.hotcell.study;
}
