package org.hotcell.onnx.proto;

import java.util.List;
import java.util.Objects;

/**
 * An ONNX {@code ModelProto}: the parts Hotcell reads. Named as ONNX names the message, apart from Hotcell's own
 * trained models.
 *
 * @param irVersion    the IR version (field 1)
 * @param producerName the tool that wrote the file (field 2)
 * @param opsets       the operator sets imported (field 8)
 * @param graph        the main graph (field 7)
 */
public record ModelProto(long irVersion, String producerName, List<OpsetId> opsets, Graph graph) {

    public ModelProto {
        producerName = producerName == null ? "" : producerName;
        opsets = List.copyOf(opsets);
        Objects.requireNonNull(graph, "graph");
    }

    /** The version of the default ONNX operator set, or 0 when the model does not import it. */
    public long onnxOpset() {
        return opsets.stream().filter(o -> o.domain().isEmpty() || o.domain().equals("ai.onnx"))
                .mapToLong(OpsetId::version).max().orElse(0);
    }

    /**
     * An ONNX {@code OperatorSetIdProto}.
     *
     * @param domain  the domain, empty for the default
     * @param version the operator set version
     */
    public record OpsetId(String domain, long version) {
        public OpsetId {
            domain = domain == null ? "" : domain;
        }
    }
}
