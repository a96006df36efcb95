package org.hotcell.containers;

/** Hotcell's bundles in stock Eclipse Equinox. */
class EquinoxContainerTest extends ContainerContract {
    @Override
    String frameworkName() {
        return "org.eclipse.osgi";
    }
}
