/**
 * nn-core: tensors, layers, losses, optimizers, initializers, the training loop and the gradient check.
 *
 * <p>The exported packages are the API. {@code org.nnlab.core.internal} (kernels, threads, the
 * range checks) is not exported, so it can change freely; {@code org.nnlab.core.io} (the atomic
 * file writer) is shared with nnlab's other modules only.
 */
@SuppressWarnings("module") // the modules io is shared with are built after this one
module org.nnlab.core {
    exports org.nnlab.core.tensor;
    exports org.nnlab.core.layer;
    exports org.nnlab.core.loss;
    exports org.nnlab.core.optim;
    exports org.nnlab.core.optim.schedule;
    exports org.nnlab.core.regularizer;
    exports org.nnlab.core.init;
    exports org.nnlab.core.train;
    exports org.nnlab.core.check;
    exports org.nnlab.core.io to org.nnlab.dsl, org.nnlab.data, org.nnlab.viz;
}
