package org.nnlab.dsl.io;

import java.nio.charset.StandardCharsets;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * How many bytes the binary entries of a model file may take, as its spec justifies.
 *
 * <p>{@code weights.bin} holds 4 (float32) or 8 (float64) bytes per parameter the spec declares,
 * in the spec's precision, a 12-byte header, and per weight its name, precision, rank and
 * dimensions; the bound allows 8 bytes per value. {@code optimizer.bin} at most 4 slots of 8 bytes per
 * parameter (Adam with AMSGrad keeps 3). The allowance for names and shapes is generous, 1 KiB plus
 * 16 bytes per byte of the layer's own name (or of {@value #AUTOMATIC_NAME} bytes, more than any
 * automatic name such as {@code batch_normalization_12} takes) for each layer, so it never refuses
 * a real file, yet a manifest that promises a gigabyte for a model of a thousand parameters is
 * refused before a byte is inflated.
 *
 * @param parameters the parameters the spec declares (saturating at {@code Long.MAX_VALUE})
 * @param minWeights the fewest bytes {@code weights.bin} can hold for them
 * @param maxWeights the most bytes it may take
 * @param maxOptimizer the most bytes {@code optimizer.bin} may take
 */
record EntryBounds(long parameters, long minWeights, int maxWeights, int maxOptimizer) {
    /** The largest entry a Java array can hold. */
    static final int MAX_ENTRY = Integer.MAX_VALUE - 8;

    /** Room for an automatic layer name, which is the type in snake case and a number. */
    static final int AUTOMATIC_NAME = 64;

    /** The bounds for {@code spec}'s entries. */
    static EntryBounds of(ModelSpec spec) {
        long params = spec.parameterCount();
        long slack = 64;
        for (LayerConfig layer : spec.layers()) {
            int name = layer.name() == null ? AUTOMATIC_NAME : layer.name().getBytes(StandardCharsets.UTF_8).length;
            slack = saturatedAdd(slack, 1024 + 16L * name);
        }
        long values = params > Long.MAX_VALUE / Double.BYTES ? Long.MAX_VALUE : params * Double.BYTES;
        // The spec's precision, as nnlab writes the weights: 4 bytes per value in float32, 8 in float64.
        long least = params > Long.MAX_VALUE / Double.BYTES ? Long.MAX_VALUE : params * spec.precision().bytes();
        return new EntryBounds(params, saturatedAdd(12, least), clamp(saturatedAdd(values, slack)),
                clamp(saturatedAdd(values > MAX_ENTRY ? values : 4 * values, slack)));
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static int clamp(long n) {
        return (int) Math.min(n, MAX_ENTRY);
    }
}
