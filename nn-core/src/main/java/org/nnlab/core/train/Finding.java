package org.nnlab.core.train;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something {@link TrainingMonitor} saw go wrong in training, in the lecture's words, with the
 * section it comes from and what to try.
 *
 * @param kind what was found
 * @param epoch the 1-based epoch at whose end it was found
 * @param layer the layer it concerns, or null when it concerns the whole model or the data
 * @param observation what was measured, with the numbers, e.g. {@code "the first layer's gradients
 *     are 2.1e-05 of the last's"}
 */
public record Finding(Kind kind, int epoch, String layer, String observation) {

    /** What a finding is about: each names its lecture section and what to try. */
    public enum Kind {
        /** Inputs far from unit scale, e.g. MNIST pixels not divided by 255. */
        INPUT_SCALE("inputs far from unit scale", "§7",
                "divide pixel values by 255 as the lecture does (x_train / 255), or standardize each feature"
                        + " (nn-data's Standardizer) so that inputs are of order 1."),
        /** The gradients shrink by orders of magnitude from the last layer to the first. */
        VANISHING_GRADIENTS("vanishing gradients", "§8.1",
                "try ReLU (§8.2) or batch normalization between each Dense layer and its sigmoid (§8.3)."),
        /** The gradients grow by orders of magnitude from the last layer to the first. */
        EXPLODING_GRADIENTS("exploding gradients", "§8.1",
                "lower the learning rate, clip the gradients (clipnorm or globalClipnorm), or add batch"
                        + " normalization (§8.3)."),
        /** Most pre-activations of a sigmoid or tanh layer lie where its derivative is almost 0. */
        SATURATED_UNITS("saturated units", "§8.1",
                "σ'(z) < 0.02 beyond ±4, so these units barely learn; scale the inputs, lower the learning rate,"
                        + " or use ReLU (§8.2) or batch normalization (§8.3)."),
        /** Most ReLU units of a layer were never active over an epoch. */
        DEAD_RELU("dead ReLU units", "§4",
                "a ReLU unit with z ≤ 0 for every example passes no gradient and cannot recover; check the bias"
                        + " initializer (0 is Keras's default), lower the learning rate, or scale the inputs."),
        /** The loss rose above where training started, or became NaN or infinite. */
        LEARNING_RATE_TOO_HIGH("learning rate too high", "§3",
                "lower the learning rate by a factor of 10 (Adam's default is 0.001) and check that the inputs"
                        + " are scaled."),
        /** Neither the loss nor the weights moved. */
        LEARNING_RATE_TOO_LOW("learning rate too low", "§3",
                "raise the learning rate by a factor of 10 or more (Adam's default is 0.001), or train longer."),
        /** The loss stays at what guessing the class frequencies gives. */
        NOT_LEARNING("the labels are not being learned", "§7",
                "the model does no better than guessing the class frequencies: check that each label belongs to"
                        + " its example (shuffled or misaligned labels?) and that the inputs carry the signal."),
        /** The validation loss rises while the training loss falls. */
        OVERFITTING("overfitting", "§8.3",
                "the model memorises the training examples; try dropout or batch normalization (§8.3), a weight"
                        + " penalty such as Nn.l2(0.01), more data, or early stopping on val_loss.");

        private final String title;
        private final String section;
        private final String hint;

        Kind(String title, String section, String hint) {
            this.title = title;
            this.section = section;
            this.hint = hint;
        }

        /** A few words, e.g. {@code "vanishing gradients"}. */
        public String title() {
            return title;
        }

        /** The lecture section that explains it, e.g. {@code "§8.1"}. */
        public String section() {
            return section;
        }

        /** What to try. */
        public String hint() {
            return hint;
        }

        /**
         * The kinds that, when present, explain this one as their symptom, so that the monitor reports
         * the cause alone: dead or saturated units leave the loss at chance level and the gradients
         * small; unscaled inputs saturate units and scale the first layer's gradients.
         */
        Set<Kind> explainedBy() {
            return switch (this) {
                case INPUT_SCALE -> Set.of();
                case OVERFITTING -> Set.of(NOT_LEARNING);
                case DEAD_RELU, SATURATED_UNITS -> Set.of(INPUT_SCALE, LEARNING_RATE_TOO_HIGH);
                case LEARNING_RATE_TOO_LOW -> Set.of(INPUT_SCALE, DEAD_RELU, SATURATED_UNITS);
                case LEARNING_RATE_TOO_HIGH -> Set.of(INPUT_SCALE);
                case VANISHING_GRADIENTS, EXPLODING_GRADIENTS -> Set.of(INPUT_SCALE, DEAD_RELU, LEARNING_RATE_TOO_HIGH);
                case NOT_LEARNING -> Set.of(INPUT_SCALE, DEAD_RELU, SATURATED_UNITS, LEARNING_RATE_TOO_HIGH,
                        LEARNING_RATE_TOO_LOW, VANISHING_GRADIENTS);
            };
        }
    }

    /** @throws IllegalArgumentException for an epoch below 1 */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observation, "observation");
        if (epoch < 1) {
            throw new IllegalArgumentException("A finding's epoch is 1-based but got " + epoch);
        }
    }

    /** The layer it concerns, if any. */
    public Optional<String> layerName() {
        return Optional.ofNullable(layer);
    }

    /**
     * The finding as the monitor prints it, e.g. {@code "Vanishing gradients (§8.1), epoch 1: the first
     * layer's gradients are 2.1e-05 of the last's. Try ReLU (§8.2) or …"}.
     */
    @Override
    public String toString() {
        String title = Character.toUpperCase(kind.title.charAt(0)) + kind.title.substring(1);
        return title + " (" + kind.section + "), epoch " + epoch + ": " + observation + ". Hint: " + kind.hint;
    }
}
