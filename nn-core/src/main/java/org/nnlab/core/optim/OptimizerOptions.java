package org.nnlab.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.nnlab.core.internal.Checks;

/**
 * The options every optimizer takes besides its learning rate and its own hyperparameters, as
 * Keras's base {@code Optimizer} does: decoupled weight decay and gradient clipping.
 *
 * <p>Applied by {@link Optimizer#step} in Keras 3's order ({@code base_optimizer.py}): first the
 * gradients are clipped ({@code _clip_gradients}), then the weights decay
 * ({@code _apply_weight_decay}), then the optimizer's own update runs on the clipped gradients.
 * <ul>
 *   <li>{@code weightDecay} λ: before the update, every trainable weight not excluded becomes
 *       w ← w − w·λ·η, with η the step's learning rate (Loshchilov and Hutter, "Decoupled Weight
 *       Decay Regularization", ICLR 2019). 0, the default, is none.
 *   <li>{@code excludeFromWeightDecay}: regular expressions searched in each parameter's name
 *       ({@code dense_1/bias}), Keras's {@code var_names}; a parameter whose name matches any
 *       keeps its value. {@code "bias"} exempts every bias; {@code "gamma", "beta"} batch
 *       normalization's scale and shift. Keras's {@code var_list} is
 *       {@link Optimizer#excludeFromWeightDecay(java.util.Collection)}.
 *   <li>{@code clipnorm} c: each parameter's gradient g becomes g·c / max(‖g‖, c), so its L2 norm
 *       is at most c.
 *   <li>{@code globalClipnorm} c: with N = √(Σ over all trainable parameters of ‖g‖²), every
 *       gradient is scaled by c·min(1/N, 1/c), and by NaN when N is not finite, as Keras's
 *       {@code clip_by_global_norm} does.
 *   <li>{@code clipvalue} v: every gradient value is clipped to [−v, v].
 * </ul>
 * At most one of the three clippings may be set, as in Keras; null is none. Clipping rescales the
 * grads in place, so what the optimizer used stays visible after the step.
 *
 * @param weightDecay λ ≥ 0; 0 for none
 * @param excludeFromWeightDecay regular expressions, none blank; empty for none
 * @param clipnorm &gt; 0, or null
 * @param globalClipnorm &gt; 0, or null
 * @param clipvalue &gt; 0, or null
 */
public record OptimizerOptions(double weightDecay, List<String> excludeFromWeightDecay, Double clipnorm,
                               Double globalClipnorm, Double clipvalue) {
    /** Keras's defaults: no weight decay, no clipping. */
    public static final OptimizerOptions NONE = new OptimizerOptions(0, List.of(), null, null, null);

    private static final String CLIP_HINT = "leave it out for no clipping; 1.0 is a common choice.";

    /**
     * @throws IllegalArgumentException for a negative, NaN or infinite value, a clipping value ≤ 0,
     *     more than one clipping, or an exclusion that is blank or not a regular expression
     */
    public OptimizerOptions {
        Checks.nonNegative("weightDecay", weightDecay, "each step multiplies the weights by"
                + " (1 - weightDecay * learningRate); AdamW uses " + AdamW.DEFAULT_WEIGHT_DECAY + ", 0 turns it off.");
        excludeFromWeightDecay = List.copyOf(excludeFromWeightDecay);
        for (String pattern : excludeFromWeightDecay) {
            checkPattern(pattern);
        }
        if (clipnorm != null) {
            Checks.positive("clipnorm", clipnorm, CLIP_HINT);
        }
        if (globalClipnorm != null) {
            Checks.positive("globalClipnorm", globalClipnorm, CLIP_HINT);
        }
        if (clipvalue != null) {
            Checks.positive("clipvalue", clipvalue, CLIP_HINT);
        }
        int clippings = (clipnorm != null ? 1 : 0) + (globalClipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0);
        if (clippings > 1) {
            throw new IllegalArgumentException("Only one of clipnorm, clipvalue and globalClipnorm can be set, as in"
                    + " Keras, but got clipnorm=" + clipnorm + ", clipvalue=" + clipvalue + ", globalClipnorm="
                    + globalClipnorm + ". Hint: keep one.");
        }
    }

    private static void checkPattern(String pattern) {
        Objects.requireNonNull(pattern, "excludeFromWeightDecay pattern");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("excludeFromWeightDecay has a blank pattern, which would match every"
                    + " parameter. Hint: name what to exempt, e.g. \"bias\", or set weightDecay to 0.");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("excludeFromWeightDecay pattern '" + pattern + "' is not a regular"
                    + " expression: " + e.getDescription() + ". Hint: patterns are searched in names as Keras's"
                    + " re.search does; quote special characters, e.g. \"dense\\\\.1\".", e);
        }
    }

    /** A copy with weight decay λ (0 for none). */
    public OptimizerOptions weightDecay(double value) {
        return new OptimizerOptions(value, excludeFromWeightDecay, clipnorm, globalClipnorm, clipvalue);
    }

    /** A copy exempting the parameters whose names match any of {@code patterns} from weight decay. */
    public OptimizerOptions excludeFromWeightDecay(List<String> patterns) {
        return new OptimizerOptions(weightDecay, patterns, clipnorm, globalClipnorm, clipvalue);
    }

    /** A copy clipping each parameter's gradient to norm {@code value}. */
    public OptimizerOptions clipnorm(double value) {
        return new OptimizerOptions(weightDecay, excludeFromWeightDecay, value, globalClipnorm, clipvalue);
    }

    /** A copy clipping all gradients together to global norm {@code value}. */
    public OptimizerOptions globalClipnorm(double value) {
        return new OptimizerOptions(weightDecay, excludeFromWeightDecay, clipnorm, value, clipvalue);
    }

    /** A copy clipping every gradient value to [−{@code value}, {@code value}]. */
    public OptimizerOptions clipvalue(double value) {
        return new OptimizerOptions(weightDecay, excludeFromWeightDecay, clipnorm, globalClipnorm, value);
    }

    /** A copy without any clipping. */
    public OptimizerOptions withoutClipping() {
        return new OptimizerOptions(weightDecay, excludeFromWeightDecay, null, null, null);
    }

    /** Whether one of the clippings is set. */
    public boolean clips() {
        return clipnorm != null || globalClipnorm != null || clipvalue != null;
    }

    /** Whether the exclusion patterns exempt the parameter named {@code parameterName} from weight decay. */
    public boolean excludes(String parameterName) {
        for (String pattern : excludeFromWeightDecay) {
            if (Pattern.compile(pattern).matcher(parameterName).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks that every exclusion pattern names at least one of a model's parameters.
     *
     * @param optimizer the optimizer's name for the message, e.g. {@code "AdamW"}
     * @param parameterNames the model's parameter names, e.g. {@code dense/kernel}
     * @throws IllegalArgumentException naming the first pattern that matches nothing and the names there are
     */
    public void checkExclusions(String optimizer, List<String> parameterNames) {
        for (String pattern : excludeFromWeightDecay) {
            if (parameterNames.stream().noneMatch(name -> Pattern.compile(pattern).matcher(name).find())) {
                throw new IllegalArgumentException(optimizer + " excludeFromWeightDecay '" + pattern + "' matches no"
                        + " parameter of the model; its parameters are " + parameterNames + ". Hint: a pattern is"
                        + " searched in each name, as Keras does: \"bias\" exempts every bias, \"gamma\" and \"beta\""
                        + " batch normalization, \"dense_1/\" one layer.");
            }
        }
    }

    /** The options that are set, e.g. {@code weightDecay=0.004, clipnorm=1.0}; {@code none} for {@link #NONE}. */
    @Override
    public String toString() {
        List<String> set = new ArrayList<>();
        if (weightDecay != 0) {
            set.add("weightDecay=" + weightDecay);
        }
        if (!excludeFromWeightDecay.isEmpty()) {
            set.add("excludeFromWeightDecay=" + excludeFromWeightDecay);
        }
        if (clipnorm != null) {
            set.add("clipnorm=" + clipnorm);
        }
        if (globalClipnorm != null) {
            set.add("globalClipnorm=" + globalClipnorm);
        }
        if (clipvalue != null) {
            set.add("clipvalue=" + clipvalue);
        }
        return set.isEmpty() ? "none" : String.join(", ", set);
    }
}
