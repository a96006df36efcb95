package org.hotcell.containers;

/** Hotcell's bundles in stock Apache Felix. */
class FelixContainerTest extends ContainerContract {
    @Override
    String frameworkName() {
        return "org.apache.felix.framework";
    }
}
