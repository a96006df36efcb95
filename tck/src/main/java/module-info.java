/**
 * The Hotcell test kit for plugin authors: JUnit 5 dynamic tests that hold any activation to the contract
 * of {@link org.hotcell.core.activation.Activation} and to the properties it declares.
 */
module org.hotcell.tck {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;
    requires transitive org.junit.jupiter.api;

    exports org.hotcell.tck;
}
