package org.nnlab.core.train;

import java.util.Arrays;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.FusableOutput;
import org.nnlab.core.tensor.Tensor;

/**
 * Over one epoch, how a hidden layer's units behave: for sigmoid and tanh the share of
 * pre-activations beyond ±{@value #SATURATION_Z}, for ReLU the units that were never active.
 */
final class UnitActivity {
    /** |z| beyond which σ'(z) < 0.018 and tanh'(z) < 0.0014: the unit is saturated. */
    static final double SATURATION_Z = 4;

    private final FusableOutput layer;
    private final boolean relu;
    private long saturated;
    private long seen;
    private boolean[] active;

    private UnitActivity(FusableOutput layer) {
        this.layer = layer;
        this.relu = layer.activation() == Activation.RELU;
    }

    /** A watch on {@code layer} if its activation can saturate or die, else null. */
    static UnitActivity of(FusableOutput layer) {
        Activation a = layer.activation();
        return a == Activation.SIGMOID || a == Activation.TANH || a == Activation.RELU ? new UnitActivity(layer) : null;
    }

    String layerName() {
        return layer.name();
    }

    boolean relu() {
        return relu;
    }

    /** Reads this batch's pre-activations z:(batch, units). */
    void observe() {
        Tensor pre = layer.preActivation();
        int units = pre.rows() == 0 ? 0 : pre.size() / pre.rows();
        if (relu) {
            if (active == null || active.length != units) {
                active = new boolean[units];
            }
            for (int r = 0; r < pre.rows(); r++) {
                for (int j = 0; j < units; j++) {
                    active[j] |= pre.get(r * units + j) > 0;
                }
            }
        } else {
            long beyond = 0;
            for (int i = 0; i < pre.size(); i++) {
                double v = pre.get(i);
                if (v > SATURATION_Z || v < -SATURATION_Z) {
                    beyond++;
                }
            }
            saturated += beyond;
            seen += pre.size();
        }
    }

    /** The share of this epoch's pre-activations beyond ±4 (sigmoid, tanh). */
    double saturatedFraction() {
        return seen == 0 ? 0 : (double) saturated / seen;
    }

    /** The number of units never active this epoch (ReLU). */
    int deadUnits() {
        int dead = 0;
        for (boolean a : active == null ? new boolean[0] : active) {
            dead += a ? 0 : 1;
        }
        return dead;
    }

    int units() {
        return active == null ? 0 : active.length;
    }

    void reset() {
        saturated = 0;
        seen = 0;
        if (active != null) {
            Arrays.fill(active, false);
        }
    }
}
