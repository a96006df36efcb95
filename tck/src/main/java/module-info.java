/**
 * The Hotcell test kit for plugin authors: JUnit 5 dynamic tests that hold any activation to the contract
 * of {@link org.hotcell.core.activation.Activation} and to the properties it declares.
 */
module org.hotcell.tck {
    requires transitive org.hotcell.core;
    requires transitive org.junit.jupiter.api;

    exports org.hotcell.tck;
}
