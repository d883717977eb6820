package org.nnlab.dsl.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.nnlab.core.layer.Activation;

/**
 * The inferred shapes, names and parameter counts of a stack of layer specs, built one layer at a time.
 *
 * <p>Adding a layer checks it against the shape the previous layer outputs and fails at once,
 * naming the layer ("Dense layer 1 (dense)"), so the fluent DSL reports a mistake on the line
 * that makes it. Unnamed layers get Keras's automatic names: the first dense layer is
 * {@code dense}, the next {@code dense_1}, and so on per kind, skipping names the user took.
 * Immutable: {@link #add} returns a new table.
 */
public final class LayerTable {
    private final Shape input;
    private final List<LayerRow> rows;

    private LayerTable(Shape input, List<LayerRow> rows) {
        this.input = Objects.requireNonNull(input, "input shape");
        this.rows = List.copyOf(rows);
    }

    /** A table with no layers yet, fed examples of shape {@code input}. */
    public static LayerTable start(Shape input) {
        return new LayerTable(input, List.of());
    }

    /** Infers every layer of {@code layers} in order, failing at the first that does not fit. */
    public static LayerTable of(Shape input, List<LayerSpec> layers) {
        LayerTable t = start(input);
        for (LayerSpec l : layers) {
            t = t.add(l);
        }
        return t;
    }

    /**
     * This table with {@code layer} appended.
     *
     * @throws IllegalArgumentException if the layer cannot take the current output shape or its name is taken
     */
    public LayerTable add(LayerSpec layer) {
        String name = nameFor(layer.namePrefix(), layer.name());
        int index = rows.size() + 1;
        String where = layer.typeName() + " layer " + index + " (" + name + ")";
        Shape in = output();
        Shape out = layer.outputShape(in, where);
        List<LayerRow> next = new ArrayList<>(rows);
        next.add(new LayerRow(index, name, layer, in, out, layer.trainableParams(in), layer.nonTrainableParams(in)));
        return new LayerTable(input, next);
    }

    /**
     * Builds a layer spec for position {@link #size()} + 1, prefixing any error with the layer's place.
     *
     * <p>The DSL calls this so that {@code dense(0)} on the second line fails with
     * "Layer 2 (dense_1): Dense units (0) must be > 0…".
     */
    public LayerTable add(String namePrefix, String userName, Supplier<? extends LayerSpec> spec) {
        LayerSpec layer;
        try {
            layer = spec.get();
        } catch (IllegalArgumentException e) {
            String name = userName == null ? nameFor(namePrefix, null) : userName;
            throw new IllegalArgumentException("Layer " + (rows.size() + 1) + " (" + name + "): " + e.getMessage(), e);
        }
        return add(layer);
    }

    /** The name the next layer gets: the user's, checked unique, or the next automatic one. */
    private String nameFor(String prefix, String userName) {
        Set<String> taken = new HashSet<>();
        int sameKindAuto = 0;
        for (LayerRow r : rows) {
            taken.add(r.name());
            if (r.spec().name() == null && r.spec().namePrefix().equals(prefix)) {
                sameKindAuto++;
            }
        }
        if (userName != null) {
            if (taken.contains(userName)) {
                throw new IllegalArgumentException("Layer " + (rows.size() + 1) + " is named '" + userName
                        + "', but " + rowNamed(userName).where() + " already has that name."
                        + " Hint: names must be unique within a model; leave the name out for an automatic one.");
            }
            return userName;
        }
        String name;
        int k = sameKindAuto;
        do {
            name = k == 0 ? prefix : prefix + "_" + k;
            k++;
        } while (taken.contains(name));
        return name;
    }

    private LayerRow rowNamed(String name) {
        for (LayerRow r : rows) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalStateException("no layer named " + name);
    }

    /** The shape of one input example. */
    public Shape input() {
        return input;
    }

    /** The shape the last layer outputs (the input shape if there are no layers). */
    public Shape output() {
        return rows.isEmpty() ? input : rows.get(rows.size() - 1).outputShape();
    }

    /** One row per layer, in order. */
    public List<LayerRow> rows() {
        return rows;
    }

    /** The number of layers. */
    public int size() {
        return rows.size();
    }

    /**
     * The last row.
     *
     * @throws IllegalStateException if there are no layers
     */
    public LayerRow last() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("The model has no layers yet. Hint: add one, e.g. .dense(1, SIGMOID).");
        }
        return rows.get(rows.size() - 1);
    }

    /**
     * The activation the model's output passes through last: that of the last dense or activation
     * layer, or linear if batch normalization comes after it.
     */
    public Activation outputActivation() {
        Activation a = Activation.LINEAR;
        for (LayerRow r : rows) {
            LayerSpec s = r.spec();
            if (s instanceof DenseSpec d) {
                a = d.activation();
            } else if (s instanceof ActivationSpec act) {
                a = act.activation();
            } else if (s instanceof BatchNormSpec) {
                a = Activation.LINEAR;
            }
        }
        return a;
    }

    /** The sum of every layer's trainable parameters. */
    public long trainableParams() {
        long n = 0;
        for (LayerRow r : rows) {
            n += r.trainableParams();
        }
        return n;
    }

    /** The sum of every layer's non-trainable parameters. */
    public long nonTrainableParams() {
        long n = 0;
        for (LayerRow r : rows) {
            n += r.nonTrainableParams();
        }
        return n;
    }

    /** All parameters. */
    public long totalParams() {
        return trainableParams() + nonTrainableParams();
    }
}
