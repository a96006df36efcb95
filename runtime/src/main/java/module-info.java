/** The Hotcell command line and plugin host. */
module org.hotcell.runtime {
    requires org.hotcell.core;
    requires org.hotcell.onnx;
    requires org.hotcell.model;
    requires info.picocli;
    requires org.slf4j;

    opens org.hotcell.runtime.cli to info.picocli;
}
