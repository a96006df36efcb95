/**
 * Hotcell's contracts: activations, recurrent cells, compute backends and the registry that finds them,
 * plus the reference backend that every faster backend is tested against.
 */
module org.hotcell.core {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires org.slf4j;

    exports org.hotcell.core.activation;
    exports org.hotcell.core.backend;
    exports org.hotcell.core.cell;
    exports org.hotcell.core.error;
    exports org.hotcell.core.registry;

    uses org.hotcell.core.activation.ActivationFactory;
    uses org.hotcell.core.cell.CellType;
    uses org.hotcell.core.backend.Backend;

    provides org.hotcell.core.backend.Backend with org.hotcell.core.backend.ReferenceBackend;
}
