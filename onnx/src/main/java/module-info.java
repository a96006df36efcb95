/**
 * ONNX import for Hotcell: reads .onnx files with a hand-written decoder of the ONNX messages it needs, runs
 * graphs of LSTM, GRU and RNN nodes (on the cell types found through the registry) joined by the shape
 * operators exporters emit, and reads and writes NumPy {@code .npy} files.
 */
module org.hotcell.onnx {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    requires transitive org.hotcell.core;
    requires com.google.protobuf;
    requires org.slf4j;

    exports org.hotcell.onnx;
    exports org.hotcell.onnx.mapping;
    exports org.hotcell.onnx.npy;
    exports org.hotcell.onnx.proto;
}
