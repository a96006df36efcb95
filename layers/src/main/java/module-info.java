/**
 * Recurrent layers and stacks over any {@link org.hotcell.core.cell.Cell}: a library the model builds on, kept
 * apart from the cells plugin so that swapping the cell types never takes the layers with them.
 */
module org.hotcell.layers {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;

    exports org.hotcell.layers;
}
