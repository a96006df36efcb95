package org.hotcell.onnx.proto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.WireFormat;

import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.WireReader.FloatList;
import org.hotcell.onnx.proto.WireReader.LongList;

/**
 * Decodes the bytes of an .onnx file into {@link ModelProto}, reading the fields of ONNX's {@code onnx.proto} that
 * Hotcell needs (field numbers as in the ONNX specification) and skipping the rest.
 *
 * <p>Every failure, however the bytes are damaged, is a {@link BadModelException} naming the source, the
 * message and field being read: lengths are checked against the bytes present before allocation, tensor
 * dimensions against the data the tensor carries.
 *
 * <p>One method per message: a loop over its fields with a case per field read, each through a
 * {@link WireReader} method that checks the field's wire type and names it ({@code NodeProto.op_type}) when
 * anything is wrong.
 */
public final class ModelDecoder {
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private final WireReader in;
    private final String source;

    private ModelDecoder(byte[] bytes, String source) {
        this.in = new WireReader(bytes, source);
        this.source = source;
    }

    /**
     * Decodes a model.
     *
     * @param source names the file in error messages
     * @throws BadModelException when the bytes are not a well-formed ONNX model with a graph
     */
    public static ModelProto decode(byte[] bytes, String source) {
        try {
            return new ModelDecoder(bytes, source).model();
        } catch (BadModelException e) {
            throw e;
        } catch (RuntimeException e) {
            // protobuf's reader reports some damage as unchecked exceptions; they mean the same thing here.
            throw new BadModelException(source + ": corrupt protobuf: " + e, e);
        }
    }

    private ModelProto model() {
        long irVersion = 0;
        String producer = "";
        List<ModelProto.OpsetId> opsets = new ArrayList<>();
        Graph graph = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> irVersion = in.varint(tag, "ModelProto.ir_version");
                case 2 -> producer = in.string(tag, "ModelProto.producer_name");
                case 7 -> graph = in.message(tag, "ModelProto.graph", this::graph);
                case 8 -> opsets.add(in.message(tag, "ModelProto.opset_import", this::opset));
                default -> in.skip(tag);
            }
        }
        if (graph == null) {
            throw new BadModelException(source + ": the model has no graph (ModelProto field 7); is it an ONNX file?");
        }
        return new ModelProto(irVersion, producer, opsets, graph);
    }

    private ModelProto.OpsetId opset() {
        String domain = "";
        long version = 0;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> domain = in.string(tag, "OperatorSetIdProto.domain");
                case 2 -> version = in.varint(tag, "OperatorSetIdProto.version");
                default -> in.skip(tag);
            }
        }
        return new ModelProto.OpsetId(domain, version);
    }

    private Graph graph() {
        String name = "";
        List<Node> nodes = new ArrayList<>();
        List<NamedTensor> initializers = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> nodes.add(in.message(tag, "GraphProto.node", this::node));
                case 2 -> name = in.string(tag, "GraphProto.name");
                case 5 -> initializers.add(in.message(tag, "GraphProto.initializer",
                        () -> tensor("initializer #" + initializers.size())));
                case 11 -> inputs.add(in.message(tag, "GraphProto.input", this::valueInfo));
                case 12 -> outputs.add(in.message(tag, "GraphProto.output", this::valueInfo));
                case 15 -> throw new BadModelException(source + ": graph '" + name
                        + "' has a sparse initializer; Hotcell reads dense tensors only");
                default -> in.skip(tag);
            }
        }
        return new Graph(name, nodes, initializers, inputs, outputs);
    }

    private Node node() {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.string(tag, "NodeProto.input"));
                case 2 -> outputs.add(in.string(tag, "NodeProto.output"));
                case 3 -> name = in.string(tag, "NodeProto.name");
                case 4 -> opType = in.string(tag, "NodeProto.op_type");
                case 5 -> {
                    String nodeName = name;
                    attributes.add(in.message(tag, "NodeProto.attribute", () -> attribute(nodeName)));
                }
                case 7 -> domain = in.string(tag, "NodeProto.domain");
                default -> in.skip(tag);
            }
        }
        if (opType.isEmpty()) {
            throw new BadModelException(source + ": node '" + name + "' has no op_type");
        }
        return new Node(name, opType, domain, inputs, outputs, attributes);
    }

    private Attribute attribute(String nodeName) {
        String name = "";
        AttributeType type = AttributeType.UNDEFINED;
        float f = 0;
        long i = 0;
        String s = null;
        Tensor t = null;
        FloatList floats = new FloatList();
        LongList ints = new LongList();
        List<String> strings = new ArrayList<>();
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.string(tag, "AttributeProto.name");
                case 2 -> f = in.fixed32Float(tag, "AttributeProto.f");
                case 3 -> i = in.varint(tag, "AttributeProto.i");
                case 4 -> s = in.string(tag, "AttributeProto.s");
                case 5 -> {
                    String label = "attribute '" + name + "' of node '" + nodeName + "'";
                    t = in.message(tag, "AttributeProto.t", () -> tensor(label)).value();
                }
                case 7 -> in.floats(tag, floats, "AttributeProto.floats");
                case 8 -> in.varints(tag, ints, "AttributeProto.ints");
                case 9 -> strings.add(in.string(tag, "AttributeProto.strings"));
                case 20 -> type = AttributeType.of(in.varint(tag, "AttributeProto.type"));
                default -> in.skip(tag);
            }
        }
        if (type == AttributeType.UNDEFINED) {
            // IR version 1 files did not write the type; infer it from the field that holds a value.
            type = t != null ? AttributeType.TENSOR : s != null ? AttributeType.STRING
                    : floats.size() > 0 ? AttributeType.FLOATS : ints.size() > 0 ? AttributeType.INTS
                    : !strings.isEmpty() ? AttributeType.STRINGS : f != 0 ? AttributeType.FLOAT : AttributeType.INT;
        }
        return new Attribute(name, type, f, i, s, t, floats.toArray(), ints.toArray(), strings);
    }

    /** TypeProto.Tensor: the element type, and the dims (-1 when symbolic) or null when no shape is given. */
    private record TensorType(int elementType, long[] dims) {
    }

    private ValueInfo valueInfo() {
        String name = "";
        int elementType = 0;
        long[] dims = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.string(tag, "ValueInfoProto.name");
                case 2 -> {
                    TensorType type = in.message(tag, "ValueInfoProto.type", this::typeProto);
                    if (type != null) {
                        elementType = type.elementType();
                        dims = type.dims();
                    }
                }
                default -> in.skip(tag);
            }
        }
        return new ValueInfo(name, elementType, dims);
    }

    /** TypeProto: its tensor_type, or null for the kinds of value Hotcell does not read (sequences, maps). */
    private TensorType typeProto() {
        TensorType type = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            if (WireReader.is(tag, 1, LEN)) {
                type = in.message("TypeProto.tensor_type", this::tensorType);
            } else {
                in.skip(tag);
            }
        }
        return type;
    }

    private TensorType tensorType() {
        long elementType = 0;
        LongList dims = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> elementType = in.varint(tag, "TypeProto.Tensor.elem_type");
                case 2 -> dims = in.message(tag, "TypeProto.Tensor.shape", this::shape);
                default -> in.skip(tag);
            }
        }
        return new TensorType((int) elementType, dims == null ? null : dims.toArray());
    }

    private LongList shape() {
        LongList dims = new LongList();
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            if (WireReader.is(tag, 1, LEN)) {
                dims.add(in.message("TensorShapeProto.dim", this::dimension));
            } else {
                in.skip(tag);
            }
        }
        return dims;
    }

    private long dimension() {
        long value = -1;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            if (WireReader.is(tag, 1, VARINT)) {
                value = in.varint("TensorShapeProto.Dimension.dim_value");
            } else {
                in.skip(tag);
            }
        }
        return value;
    }

    private NamedTensor tensor(String fallbackName) {
        LongList dims = new LongList();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        FloatList floats = new FloatList();
        LongList int32s = new LongList();
        LongList int64s = new LongList();
        FloatList doubles = new FloatList();
        boolean external = false;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> in.varints(tag, dims, "TensorProto.dims");
                case 2 -> dataType = (int) in.varint(tag, "TensorProto.data_type");
                case 4 -> in.floats(tag, floats, "TensorProto.float_data");
                case 5 -> in.varints(tag, int32s, "TensorProto.int32_data");
                case 7 -> in.varints(tag, int64s, "TensorProto.int64_data");
                case 8 -> name = in.string(tag, "TensorProto.name");
                case 9 -> raw = in.bytes(tag, "TensorProto.raw_data");
                case 10 -> in.doubles(tag, doubles, "TensorProto.double_data");
                case 13 -> {
                    external = true;
                    in.skip(tag);
                }
                case 14 -> external |= in.varint(tag, "TensorProto.data_location") == 1;
                default -> in.skip(tag);
            }
        }
        String label = "tensor '" + (name.isEmpty() ? fallbackName : name) + "'";
        if (external) {
            throw new BadModelException(source + ": " + label + " keeps its data in an external file; Hotcell reads"
                    + " only models whose tensors are stored inside the .onnx file");
        }
        long[] shape = dims.toArray();
        long count = product(shape, label);
        Tensor value = switch (dataType) {
            case 1 -> Tensor.ofFloats(toInt(shape), floatData(label, count, raw, floats, 4, false));
            case 11 -> Tensor.ofFloats(toInt(shape), floatData(label, count, raw, doubles, 8, true));
            case 6 -> Tensor.ofLongs(ElementType.INT32, toInt(shape), longData(label, count, raw, int32s, 4));
            case 7 -> Tensor.ofLongs(ElementType.INT64, toInt(shape), longData(label, count, raw, int64s, 8));
            default -> throw new BadModelException(source + ": " + label + " has element type "
                    + ElementType.onnxName(dataType) + "; Hotcell reads FLOAT, DOUBLE, INT32 and INT64 tensors");
        };
        return new NamedTensor(name, value);
    }

    /** The element count of dims, checked against overflow and the tensor size cap. */
    private long product(long[] dims, String label) {
        return Tensor.elementCount(source + ": " + label, dims);
    }

    private float[] floatData(String label, long count, byte[] raw, FloatList typed, int width, boolean doubles) {
        if (raw != null) {
            ByteBuffer buffer = rawData(label, count, raw, width);
            float[] out = new float[(int) count];
            for (int k = 0; k < out.length; k++) {
                out[k] = doubles ? (float) buffer.getDouble() : buffer.getFloat();
            }
            return out;
        }
        checkCount(label, count, typed.size(), (doubles ? "double_data" : "float_data") + " of " + typed.size()
                + " values");
        return typed.toArray();
    }

    private long[] longData(String label, long count, byte[] raw, LongList typed, int width) {
        if (raw != null) {
            ByteBuffer buffer = rawData(label, count, raw, width);
            long[] out = new long[(int) count];
            for (int k = 0; k < out.length; k++) {
                out[k] = width == 4 ? buffer.getInt() : buffer.getLong();
            }
            return out;
        }
        checkCount(label, count, typed.size(), (width == 4 ? "int32_data" : "int64_data") + " of " + typed.size()
                + " values");
        long[] out = typed.toArray();
        if (width == 4) {
            for (int k = 0; k < out.length; k++) {
                out[k] = (int) out[k];
            }
        }
        return out;
    }

    /** raw_data checked to hold {@code count} elements of {@code width} bytes, as a little-endian buffer. */
    private ByteBuffer rawData(String label, long count, byte[] raw, int width) {
        checkCount(label, count, raw.length / width, "raw_data of " + raw.length + " bytes");
        if (raw.length % width != 0) {
            throw new BadModelException(source + ": " + label + " raw_data has " + raw.length
                    + " bytes, not a multiple of " + width);
        }
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void checkCount(String label, long count, long present, String holder) {
        if (count != present) {
            throw new BadModelException(source + ": " + label + " has dimensions whose product is " + count
                    + " elements, but its " + holder + " hold " + present);
        }
    }

    private static int[] toInt(long[] dims) {
        int[] out = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
            out[k] = (int) dims[k];
        }
        return out;
    }
}
