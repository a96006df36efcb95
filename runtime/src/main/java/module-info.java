/** The Hotcell command line and plugin host. */
module org.hotcell.runtime {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;
    requires org.hotcell.onnx;
    requires transitive org.hotcell.model;
    requires org.hotcell.study;
    requires info.picocli;
    // Static: only hotcell bench's FMA peak probe uses it, after checking that the module is there.
    requires static jdk.incubator.vector;
    requires org.slf4j;
    requires java.logging;
    requires transitive org.apache.felix.framework;
    requires org.hotcell.osgi;
    requires com.fasterxml.jackson.databind;
    requires org.eclipse.jetty.server;
    requires com.google.guice;
    // H2's MVStore keeps stream state (an automatic module); its error classes refer to java.sql.
    requires com.h2database;
    requires java.sql;
    requires jakarta.inject;

    uses org.osgi.framework.launch.FrameworkFactory;

    exports org.hotcell.runtime.plugin;
    exports org.hotcell.runtime.osgi;
    exports org.hotcell.runtime.trust;
    exports org.hotcell.runtime.models;
    exports org.hotcell.runtime.http;
    exports org.hotcell.runtime.plain;
    exports org.hotcell.runtime.guice;
    exports org.hotcell.runtime.streams;

    opens org.hotcell.runtime.guice to com.google.guice;


    opens org.hotcell.runtime.cli to info.picocli;
}
