/**
 * Hotcell in any OSGi R8 framework: a bundle whose activator publishes one
 * {@link org.hotcell.core.registry.Registry} service that tracks every activation factory, cell type and backend
 * service, and the pieces hosts that embed a framework reuse ({@link org.hotcell.osgi.RegistryBridge},
 * {@link org.hotcell.osgi.RegistryServiceFactory}).
 */
module org.hotcell.osgi {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;
    // The OSGi API. In a container the framework wires it (module-info is not read there); on the module path
    // the launcher's Felix provides it.
    requires transitive org.apache.felix.framework;
    requires org.slf4j;

    exports org.hotcell.osgi;
}
