/**
 * The ONNX messages Hotcell reads and writes (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto, TypeProto and TensorShapeProto, as far as needed), written from the ONNX specification's
 * field numbers: {@link org.hotcell.onnx.proto.ModelDecoder} and {@link org.hotcell.onnx.proto.ModelEncoder}
 * on protobuf-java's wire-format streams, and {@link org.hotcell.onnx.proto.ModelBuilder} to make models in code.
 */
@Version("0.1.0")
package org.hotcell.onnx.proto;

import org.osgi.annotation.versioning.Version;
