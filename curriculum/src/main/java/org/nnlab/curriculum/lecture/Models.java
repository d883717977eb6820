package org.nnlab.curriculum.lecture;

import org.nnlab.core.train.Sequential;
import org.nnlab.dsl.TrainingStage;

/** Compiles a lesson's DSL declaration onto an nn-core model. */
final class Models {
    private Models() {
    }

    /** The compiled model of {@code stage}: layers built, optimizer, loss and metrics set. */
    static Sequential compile(TrainingStage stage) {
        throw new UnsupportedOperationException("waiting for the DSL's compile step");
    }
}
