package org.nnlab.curriculum.lecture;

import org.nnlab.core.train.Sequential;
import org.nnlab.dsl.Model;
import org.nnlab.dsl.TrainingStage;

/** Compiles a lesson's DSL declaration onto an nn-core model. */
final class Models {
    private Models() {
    }

    /** The compiled model of {@code stage}: layers built, optimizer, loss and metrics set. */
    static Sequential compile(TrainingStage stage) {
        return Model.compile(stage.spec()).sequential();
    }
}
