package org.hotcell.onnx.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.core.error.BadModelException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;
import org.junit.jupiter.api.Test;

/**
 * The data-movement ops, each run as a one-node ONNX model through encode, decode and the graph runner, and
 * checked against an element-by-element definition written independently in the test.
 */
class ShapeOpsTest {

    /** 0, 1, 2, ... as floats in the shape. */
    private static Tensor iota(int... shape) {
        float[] data = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        return Tensor.ofFloats(shape, data);
    }

    /** Runs one node over named inputs (all fed as graph inputs) and returns output "out". */
    private static Tensor run(String op, Map<String, Tensor> inputs, Attribute... attributes) {
        ModelBuilder builder = new ModelBuilder("t").opset(13);
        List<String> names = new ArrayList<>();
        inputs.forEach((name, value) -> {
            names.add(name);
            if (name.isEmpty()) {
                return;
            }
            builder.input(name, value.type(), Arrays.stream(value.shape()).asLongStream().toArray());
        });
        builder.node("n", op, names, List.of("out"), attributes).output("out", ElementType.FLOAT);
        Map<String, Tensor> feeds = new LinkedHashMap<>(inputs);
        feeds.remove("");
        return OnnxModel.read(builder.bytes(), op).run(feeds, new PluginRegistry()).get("out");
    }

    private static Map<String, Tensor> inputs(Object... namesAndValues) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], (Tensor) namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void transposeMovesEveryElementToItsPermutedPlace() {
        Tensor x = iota(2, 3, 4);
        Tensor y = run("Transpose", inputs("x", x), Attribute.ofInts("perm", 1, 2, 0));
        assertThat(y.shape()).containsExactly(3, 4, 2);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(y.floats()[(b * 4 + c) * 2 + a]).isEqualTo(x.floats()[(a * 3 + b) * 4 + c]);
                }
            }
        }
        assertThat(run("Transpose", inputs("x", x)).shape()).containsExactly(4, 3, 2);
    }

    @Test
    void squeezeAndUnsqueezeTakeAxesAsInputOrAttribute() {
        Tensor x = iota(1, 3, 1, 2);
        assertThat(run("Squeeze", inputs("x", x, "axes", Tensor.int64Vector(0))).shape()).containsExactly(3, 1, 2);
        assertThat(run("Squeeze", inputs("x", x), Attribute.ofInts("axes", -2)).shape()).containsExactly(1, 3, 2);
        assertThat(run("Squeeze", inputs("x", x)).shape()).containsExactly(3, 2);
        Tensor u = run("Unsqueeze", inputs("x", iota(3, 2), "axes", Tensor.int64Vector(0, 3)));
        assertThat(u.shape()).containsExactly(1, 3, 2, 1);
        assertThat(u.floats()).containsExactly(iota(3, 2).floats());
        assertThatThrownBy(() -> run("Squeeze", inputs("x", x, "axes", Tensor.int64Vector(1))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'n' (Squeeze)")
                .hasMessageContaining("axis 1").hasMessageContaining("size is 3");
    }

    @Test
    void reshapeCopiesZerosAndInfersMinusOne() {
        Tensor y = run("Reshape", inputs("x", iota(2, 3, 4), "shape", Tensor.int64Vector(0, -1)));
        assertThat(y.shape()).containsExactly(2, 12);
        assertThat(y.floats()).containsExactly(iota(24).floats());
        assertThatThrownBy(() -> run("Reshape", inputs("x", iota(2, 3), "shape", Tensor.int64Vector(4, 2))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("[4, 2]").hasMessageContaining("6");
    }

    @Test
    void concatJoinsAlongTheAxis() {
        Tensor a = iota(2, 1, 3);
        Tensor b = iota(2, 2, 3);
        Tensor y = run("Concat", inputs("a", a, "b", b), Attribute.ofInt("axis", 1));
        assertThat(y.shape()).containsExactly(2, 3, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    float expected = j == 0 ? a.floats()[i * 3 + k] : b.floats()[(i * 2 + j - 1) * 3 + k];
                    assertThat(y.floats()[(i * 3 + j) * 3 + k]).isEqualTo(expected);
                }
            }
        }
        assertThatThrownBy(() -> run("Concat", inputs("a", a, "b", iota(3, 1, 3)), Attribute.ofInt("axis", 1)))
                .isInstanceOf(BadModelException.class).hasMessageContaining("dimension 0 differs");
    }

    @Test
    void sliceFollowsOnnxClampingAndNegativeSteps() {
        Tensor x = iota(4, 5);
        Tensor y = run("Slice", inputs("x", x, "starts", Tensor.int64Vector(1, -1), "ends",
                Tensor.int64Vector(Long.MAX_VALUE, Long.MIN_VALUE), "axes", Tensor.int64Vector(0, 1),
                "steps", Tensor.int64Vector(2, -2)));
        // rows 1, 3; columns 4, 2, 0
        assertThat(y.shape()).containsExactly(2, 3);
        assertThat(y.floats()).containsExactly(9, 7, 5, 19, 17, 15);
        Tensor attr = run("Slice", inputs("x", x), Attribute.ofInts("starts", 0), Attribute.ofInts("ends", 1),
                Attribute.ofInts("axes", 0));
        assertThat(attr.floats()).containsExactly(0, 1, 2, 3, 4);
        Tensor empty = run("Slice", inputs("x", x, "starts", Tensor.int64Vector(3), "ends", Tensor.int64Vector(1)));
        assertThat(empty.shape()).containsExactly(0, 5);
    }

    @Test
    void gatherPicksAlongAnAxisWithNegativeIndices() {
        Tensor x = iota(2, 3, 2);
        Tensor indices = Tensor.ofLongs(ElementType.INT64, new int[0], new long[] {-1});
        Tensor y = run("Gather", inputs("x", x, "i", indices), Attribute.ofInt("axis", 1));
        assertThat(y.shape()).containsExactly(2, 2);
        assertThat(y.floats()).containsExactly(4, 5, 10, 11);
        Tensor rows = run("Gather", inputs("x", x, "i", Tensor.int64Vector(1, 0, 1)));
        assertThat(rows.shape()).containsExactly(3, 3, 2);
        assertThatThrownBy(() -> run("Gather", inputs("x", x, "i", Tensor.int64Vector(2))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("index 2 is out of range");
    }

    @Test
    void shapeCastIdentityAndConstant() {
        Tensor s = run("Shape", inputs("x", iota(2, 3, 4)), Attribute.ofInt("start", 1));
        assertThat(s.longs()).containsExactly(3, 4);
        Tensor c = run("Cast", inputs("x", Tensor.ofFloats(new int[] {2}, new float[] {2.7f, -1.5f})),
                Attribute.ofInt("to", 7));
        assertThat(c.longs()).containsExactly(2, -1);
        assertThat(run("Identity", inputs("x", iota(3))).floats()).containsExactly(0, 1, 2);
        assertThat(run("Constant", inputs(), Attribute.ofInts("value_ints", 4, 5)).longs()).containsExactly(4, 5);
        assertThat(run("Constant", inputs(), Attribute.ofTensor("value", iota(2))).floats()).containsExactly(0, 1);
    }

    @Test
    void splitCutsIntoListedOrEqualParts() {
        ModelBuilder builder = new ModelBuilder("t").opset(13).input("x", ElementType.FLOAT, 2, 5)
                .initializer("sizes", Tensor.int64Vector(1, 4))
                .node("listed", "Split", List.of("x", "sizes"), List.of("a", "b"), Attribute.ofInt("axis", 1))
                .node("equal", "Split", List.of("x"), List.of("c", "d", "e"), Attribute.ofInt("axis", -1));
        for (String o : List.of("a", "b", "c", "d", "e")) {
            builder.output(o, ElementType.FLOAT);
        }
        Map<String, Tensor> out = OnnxModel.read(builder.bytes(), "split").run(Map.of("x", iota(2, 5)),
                new PluginRegistry());
        assertThat(out.get("a").floats()).containsExactly(0, 5);
        assertThat(out.get("b").floats()).containsExactly(1, 2, 3, 4, 6, 7, 8, 9);
        assertThat(out.get("c").shape()).containsExactly(2, 2);
        assertThat(out.get("e").floats()).containsExactly(4, 9);
        assertThatThrownBy(() -> run("Split", inputs("x", iota(2, 5), "s", Tensor.int64Vector(2, 2)),
                Attribute.ofInt("axis", 1))).isInstanceOf(BadModelException.class)
                .hasMessageContaining("add up to dimension 1");
    }

    @Test
    void constantOfShapeAndExpandBuildStatesOfAComputedShape() {
        Tensor zeros = run("ConstantOfShape", inputs("s", Tensor.int64Vector(2, 3)));
        assertThat(zeros.shape()).containsExactly(2, 3);
        assertThat(zeros.floats()).containsOnly(0f);
        Tensor sevens = run("ConstantOfShape", inputs("s", Tensor.int64Vector(2)),
                Attribute.ofTensor("value", Tensor.ofFloats(new int[] {1}, new float[] {7})));
        assertThat(sevens.floats()).containsExactly(7, 7);
        Tensor expanded = run("Expand", inputs("x", iota(3, 1), "s", Tensor.int64Vector(2, 1, 4)));
        assertThat(expanded.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(expanded.floats()[(i * 3 + j) * 4 + k]).isEqualTo(j);
                }
            }
        }
        assertThatThrownBy(() -> run("ConstantOfShape", inputs("s", Tensor.int64Vector(1 << 20, 1 << 20))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("ConstantOfShape")
                .hasMessageContaining("1048576");
    }
}
