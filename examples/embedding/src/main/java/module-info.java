/**
 * A Hotcell consumer written against the documentation alone: {@link org.hotcell.example.embedding.Main} runs
 * an LSTM forward pass on the module path (plugins found by ServiceLoader), and the same code runs as an OSGi
 * bundle through the {@link org.hotcell.core.registry.Registry} service in Felix, Equinox or Karaf.
 */
module org.hotcell.example.embedding {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    // ForwardDemo's methods take and return core types (Registry, Backend, CellSpec).
    requires transitive org.hotcell.core;
    requires org.slf4j;
    // The OSGi API, read only by the activator, which only a framework loads.
    requires static org.apache.felix.framework;

    exports org.hotcell.example.embedding;
}
