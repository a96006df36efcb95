/**
 * The streaming example: synthetic multi-sensor streams with labelled anomalies, a stacked LSTM trained on
 * normal data to predict the next value, a client that steps streams through the runtime's HTTP API (or a model
 * in this JVM), and detection by prediction error scored with precision and recall.
 */
module org.hotcell.example.streaming {
    // @Version on exported packages: read by bnd at build time only.
    requires static org.osgi.annotation.versioning;
    // The exported packages' methods take and return model (and so core) types.
    requires transitive org.hotcell.model;
    requires org.slf4j;
    requires java.net.http;
    // The OSGi API, for StreamingBundle only: read when a framework runs the bundle.
    requires static org.apache.felix.framework;
    requires com.fasterxml.jackson.databind;

    exports org.hotcell.example.streaming.data;
    exports org.hotcell.example.streaming.detect;
    exports org.hotcell.example.streaming.client;
    exports org.hotcell.example.streaming.train;
}
