/**
 * The activation study: tests nine claims about why an LSTM uses sigmoid gates and a tanh candidate and output
 * (and whether relu or others could do instead), each as its own experiment over many seeds, judges each with
 * statistics, and writes a report opening with the claims table. Runs go in process, or to a cluster runner
 * ({@link org.hotcell.study.cluster.RunCluster}, e.g. Spark) found with ServiceLoader.
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
    exports org.hotcell.study.cluster;

    uses org.hotcell.study.cluster.RunCluster;
}
