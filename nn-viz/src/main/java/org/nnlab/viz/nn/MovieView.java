package org.nnlab.viz.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Sequential;

/** What a {@link TrainingMovie} shows of a model at each frame, and which models each view can draw. */
public enum MovieView {
    /** The classes the model assigns across the plane, with the data on top: models of 2 inputs. */
    DECISION_REGIONS,
    /** The points in the (z₁, z₂) plane of a hidden layer of 2 units, with the next unit's line when it has 1 unit. */
    HIDDEN_FEATURES,
    /** The fitted curve over the data, with each hidden unit's part (a ReLU hinge) for 1-H-1 networks: 1 input, 1 output. */
    FITTED_CURVE,
    /** The mean ‖∂L/∂W‖ of each Dense layer over the steps since the last frame, on a log axis. */
    GRADIENT_NORMS;

    /** Why this view cannot be drawn for {@code model}, or empty when it can. */
    public Optional<String> obstacle(Sequential model) {
        int inputs = Tensor.sizeOf(model.inputShape());
        int outputs = Tensor.sizeOf(model.outputShape());
        String shape = " (input shape " + Arrays.toString(model.inputShape()) + ")";
        return Optional.ofNullable(switch (this) {
            case DECISION_REGIONS -> inputs != 2 ? "decision regions need 2 input features but the model takes " + inputs
                    + shape : null;
            case HIDDEN_FEATURES -> hiddenPair(model) < 0 ? "hidden features need a hidden Dense layer of 2 units but the"
                    + " hidden Dense layers have " + hiddenWidths(model) + " units" : null;
            case FITTED_CURVE -> inputs != 1 || outputs != 1 ? "a fitted curve needs 1 input and 1 output but the model"
                    + " has " + inputs + " and " + outputs + shape : null;
            case GRADIENT_NORMS -> model.layers().stream().noneMatch(l -> l instanceof Dense)
                    ? "gradient norms need a Dense layer but the model has none" : null;
        });
    }

    /** The views that can be drawn for {@code model}, in declaration order. */
    public static List<MovieView> availableFor(Sequential model) {
        List<MovieView> out = new ArrayList<>();
        for (MovieView v : values()) {
            if (v.obstacle(model).isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Checks that this view can be drawn for {@code model}.
     *
     * @throws IllegalArgumentException saying why not and naming the views that exist for it
     */
    public void requireDrawable(Sequential model) {
        obstacle(model).ifPresent(why -> {
            List<MovieView> views = availableFor(model);
            throw new IllegalArgumentException("TrainingMovie: the " + name() + " view cannot be drawn for model '"
                    + model.name() + "': " + why + ". Views that exist for this model: " + views + "."
                    + (views.isEmpty() ? "" : " Hint: record one of those, e.g. MovieView." + views.get(0) + "."));
        });
    }

    /** The index of the first Dense layer of 2 units that is not the model's last layer, or −1. */
    static int hiddenPair(Sequential model) {
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i) instanceof Dense d && d.units() == 2) {
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> hiddenWidths(Sequential model) {
        List<Integer> widths = new ArrayList<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i) instanceof Dense d) {
                widths.add(d.units());
            }
        }
        return widths;
    }
}
