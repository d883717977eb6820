package org.nnlab.data.mnist;

/** One of the two splits of an MNIST-format dataset, named by its file prefix. */
public enum MnistSplit {
    /** The training split, files {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}. */
    TRAIN,
    /** The test split, files {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}. */
    TEST;

    /** The standard name of this split's images file, without {@code .gz}. */
    String imagesFile() {
        return MnistFolder.FILES.get(this == TRAIN ? 0 : 2);
    }

    /** The standard name of this split's labels file, without {@code .gz}. */
    String labelsFile() {
        return MnistFolder.FILES.get(this == TRAIN ? 1 : 3);
    }
}
