package org.hotcell.onnx.support;

import java.util.Random;

import org.hotcell.onnx.Tensor;

/** Float tensors of random values for tests. */
public final class RandomTensors {
    private RandomTensors() {
    }

    /** A float tensor of the shape, its values uniform in [-0.5, 0.5). */
    public static Tensor of(Random rnd, int... shape) {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        float[] data = new float[count];
        for (int i = 0; i < count; i++) {
            data[i] = (float) (rnd.nextDouble() - 0.5);
        }
        return Tensor.ofFloats(shape, data);
    }
}
