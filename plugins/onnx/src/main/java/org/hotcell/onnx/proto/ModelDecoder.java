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
 * Decodes the bytes of an .onnx file into {@link Model}, reading the fields of ONNX's {@code onnx.proto} that
 * Hotcell needs (field numbers as in the ONNX specification) and skipping the rest.
 *
 * <p>Every failure, however the bytes are damaged, is a {@link BadModelException} naming the source, the
 * message and field being read: lengths are checked against the bytes present before allocation, tensor
 * dimensions against the data the tensor carries.
 */
public final class ModelDecoder {
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;
    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int FIXED32 = WireFormat.WIRETYPE_FIXED32;

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
    public static Model decode(byte[] bytes, String source) {
        try {
            return new ModelDecoder(bytes, source).model();
        } catch (BadModelException e) {
            throw e;
        } catch (RuntimeException e) {
            // protobuf's reader reports some damage as unchecked exceptions; they mean the same thing here.
            throw new BadModelException(source + ": corrupt protobuf: " + e, e);
        }
    }

    private Model model() {
        long irVersion = 0;
        String producer = "";
        List<Model.OpsetId> opsets = new ArrayList<>();
        Graph graph = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    in.expect(tag, VARINT, "ModelProto.ir_version");
                    irVersion = in.varint("ModelProto.ir_version");
                }
                case 2 -> {
                    in.expect(tag, LEN, "ModelProto.producer_name");
                    producer = in.string("ModelProto.producer_name");
                }
                case 7 -> {
                    in.expect(tag, LEN, "ModelProto.graph");
                    int token = in.enter("ModelProto.graph");
                    graph = graph();
                    in.leave(token);
                }
                case 8 -> {
                    in.expect(tag, LEN, "ModelProto.opset_import");
                    int token = in.enter("ModelProto.opset_import");
                    opsets.add(opset());
                    in.leave(token);
                }
                default -> in.skip(tag);
            }
        }
        if (graph == null) {
            throw new BadModelException(source + ": the model has no graph (ModelProto field 7); is it an ONNX file?");
        }
        return new Model(irVersion, producer, opsets, graph);
    }

    private Model.OpsetId opset() {
        String domain = "";
        long version = 0;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    in.expect(tag, LEN, "OperatorSetIdProto.domain");
                    domain = in.string("OperatorSetIdProto.domain");
                }
                case 2 -> {
                    in.expect(tag, VARINT, "OperatorSetIdProto.version");
                    version = in.varint("OperatorSetIdProto.version");
                }
                default -> in.skip(tag);
            }
        }
        return new Model.OpsetId(domain, version);
    }

    private Graph graph() {
        String name = "";
        List<Node> nodes = new ArrayList<>();
        List<NamedTensor> initializers = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    in.expect(tag, LEN, "GraphProto.node");
                    int token = in.enter("GraphProto.node");
                    nodes.add(node());
                    in.leave(token);
                }
                case 2 -> {
                    in.expect(tag, LEN, "GraphProto.name");
                    name = in.string("GraphProto.name");
                }
                case 5 -> {
                    in.expect(tag, LEN, "GraphProto.initializer");
                    int token = in.enter("GraphProto.initializer");
                    initializers.add(tensor("initializer #" + initializers.size()));
                    in.leave(token);
                }
                case 11, 12 -> {
                    boolean input = WireFormat.getTagFieldNumber(tag) == 11;
                    String what = input ? "GraphProto.input" : "GraphProto.output";
                    in.expect(tag, LEN, what);
                    int token = in.enter(what);
                    (input ? inputs : outputs).add(valueInfo());
                    in.leave(token);
                }
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
                case 1 -> {
                    in.expect(tag, LEN, "NodeProto.input");
                    inputs.add(in.string("NodeProto.input"));
                }
                case 2 -> {
                    in.expect(tag, LEN, "NodeProto.output");
                    outputs.add(in.string("NodeProto.output"));
                }
                case 3 -> {
                    in.expect(tag, LEN, "NodeProto.name");
                    name = in.string("NodeProto.name");
                }
                case 4 -> {
                    in.expect(tag, LEN, "NodeProto.op_type");
                    opType = in.string("NodeProto.op_type");
                }
                case 5 -> {
                    in.expect(tag, LEN, "NodeProto.attribute");
                    int token = in.enter("NodeProto.attribute");
                    attributes.add(attribute(name));
                    in.leave(token);
                }
                case 7 -> {
                    in.expect(tag, LEN, "NodeProto.domain");
                    domain = in.string("NodeProto.domain");
                }
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
                case 1 -> {
                    in.expect(tag, LEN, "AttributeProto.name");
                    name = in.string("AttributeProto.name");
                }
                case 2 -> {
                    in.expect(tag, FIXED32, "AttributeProto.f");
                    f = in.fixed32Float("AttributeProto.f");
                }
                case 3 -> {
                    in.expect(tag, VARINT, "AttributeProto.i");
                    i = in.varint("AttributeProto.i");
                }
                case 4 -> {
                    in.expect(tag, LEN, "AttributeProto.s");
                    s = in.string("AttributeProto.s");
                }
                case 5 -> {
                    in.expect(tag, LEN, "AttributeProto.t");
                    int token = in.enter("AttributeProto.t");
                    t = tensor("attribute '" + name + "' of node '" + nodeName + "'").value();
                    in.leave(token);
                }
                case 7 -> in.floats(tag, floats, "AttributeProto.floats");
                case 8 -> in.varints(tag, ints, "AttributeProto.ints");
                case 9 -> {
                    in.expect(tag, LEN, "AttributeProto.strings");
                    strings.add(in.string("AttributeProto.strings"));
                }
                case 20 -> {
                    in.expect(tag, VARINT, "AttributeProto.type");
                    type = AttributeType.of(in.varint("AttributeProto.type"));
                }
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

    private ValueInfo valueInfo() {
        String name = "";
        int elementType = 0;
        long[] dims = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    in.expect(tag, LEN, "ValueInfoProto.name");
                    name = in.string("ValueInfoProto.name");
                }
                case 2 -> {
                    in.expect(tag, LEN, "ValueInfoProto.type");
                    int token = in.enter("ValueInfoProto.type");
                    for (int typeTag = in.tag(); typeTag != 0; typeTag = in.tag()) {
                        if (WireFormat.getTagFieldNumber(typeTag) == 1
                                && WireFormat.getTagWireType(typeTag) == LEN) {
                            int tensorToken = in.enter("TypeProto.tensor_type");
                            TensorType read = tensorType();
                            elementType = read.elementType();
                            dims = read.dims();
                            in.leave(tensorToken);
                        } else {
                            in.skip(typeTag);
                        }
                    }
                    in.leave(token);
                }
                default -> in.skip(tag);
            }
        }
        return new ValueInfo(name, elementType, dims);
    }

    /** TypeProto.Tensor: the element type, and the dims (-1 when symbolic) or null when no shape is given. */
    private record TensorType(int elementType, long[] dims) {
    }

    private TensorType tensorType() {
        long elementType = 0;
        LongList dims = null;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    in.expect(tag, VARINT, "TypeProto.Tensor.elem_type");
                    elementType = in.varint("TypeProto.Tensor.elem_type");
                }
                case 2 -> {
                    in.expect(tag, LEN, "TypeProto.Tensor.shape");
                    int token = in.enter("TypeProto.Tensor.shape");
                    dims = new LongList();
                    for (int dimTag = in.tag(); dimTag != 0; dimTag = in.tag()) {
                        if (WireFormat.getTagFieldNumber(dimTag) == 1 && WireFormat.getTagWireType(dimTag) == LEN) {
                            int dimToken = in.enter("TensorShapeProto.dim");
                            dims.add(dimension());
                            in.leave(dimToken);
                        } else {
                            in.skip(dimTag);
                        }
                    }
                    in.leave(token);
                }
                default -> in.skip(tag);
            }
        }
        return new TensorType((int) elementType, dims == null ? null : dims.toArray());
    }

    private long dimension() {
        long value = -1;
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            if (WireFormat.getTagFieldNumber(tag) == 1 && WireFormat.getTagWireType(tag) == VARINT) {
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
                case 2 -> {
                    in.expect(tag, VARINT, "TensorProto.data_type");
                    dataType = (int) in.varint("TensorProto.data_type");
                }
                case 4 -> in.floats(tag, floats, "TensorProto.float_data");
                case 5 -> in.varints(tag, int32s, "TensorProto.int32_data");
                case 7 -> in.varints(tag, int64s, "TensorProto.int64_data");
                case 8 -> {
                    in.expect(tag, LEN, "TensorProto.name");
                    name = in.string("TensorProto.name");
                }
                case 9 -> {
                    in.expect(tag, LEN, "TensorProto.raw_data");
                    raw = in.bytes("TensorProto.raw_data");
                }
                case 10 -> in.doubles(tag, doubles, "TensorProto.double_data");
                case 13 -> {
                    external = true;
                    in.skip(tag);
                }
                case 14 -> {
                    in.expect(tag, VARINT, "TensorProto.data_location");
                    external |= in.varint("TensorProto.data_location") == 1;
                }
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
            checkCount(label, count, raw.length / width, "raw_data of " + raw.length + " bytes");
            if (raw.length % width != 0) {
                throw new BadModelException(source + ": " + label + " raw_data has " + raw.length
                        + " bytes, not a multiple of " + width);
            }
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
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
            checkCount(label, count, raw.length / width, "raw_data of " + raw.length + " bytes");
            if (raw.length % width != 0) {
                throw new BadModelException(source + ": " + label + " raw_data has " + raw.length
                        + " bytes, not a multiple of " + width);
            }
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
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
