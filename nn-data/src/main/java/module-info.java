/** nn-data: IDX and CSV loaders, MNIST-format datasets and the lecture's synthetic data. */
module org.nnlab.data {
    requires transitive org.nnlab.core;
    requires org.apache.commons.csv;

    exports org.nnlab.data;
    exports org.nnlab.data.csv;
    exports org.nnlab.data.idx;
    exports org.nnlab.data.mnist;
    exports org.nnlab.data.synthetic;
}
