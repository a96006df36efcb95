/**
 * Models of stacked recurrent layers with a dense head: their specs and parameters, building them through the
 * registry, training (backpropagation through time, losses, optimizers, diagnostics), built-in tasks, and
 * model files (safetensors weights plus a JSON spec).
 */
module org.hotcell.model {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;
    requires transitive org.hotcell.layers;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires org.hotcell.onnx;

    exports org.hotcell.model.spec;
    exports org.hotcell.model.param;
    exports org.hotcell.model.init;
    exports org.hotcell.model.net;
    exports org.hotcell.model.loss;
    exports org.hotcell.model.optim;
    exports org.hotcell.model.train;
    exports org.hotcell.model.task;
    exports org.hotcell.model.io;
    exports org.hotcell.model.onnx;
}
