package org.nnlab.dsl.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;

/**
 * The binary entries of a model file: weights and optimizer state as big-endian doubles behind a small header.
 *
 * <p>{@code weights.bin}: the magic {@code NNLW}, version (int), count (int), then per tensor its
 * name (modified UTF-8 as {@link DataOutputStream#writeUTF}), rank (int), each dimension (int) and
 * its values (double, row-major). {@code optimizer.bin}: the magic {@code NNLO}, version (int 2), the
 * kind of optimizer whose state it is (its Keras name, checked by nn-core's {@code Optimizer.restore}),
 * iterations (long), the learning rate a callback assigned (double, NaN when the spec's holds),
 * count (int), then per parameter the number of slots (int) and per slot its length (int) and values
 * (double). Version 1, written before learning rates could change, has no learning rate and still reads.
 */
final class WeightsCodec {
    static final int WEIGHTS_MAGIC = 0x4E4E4C57; // "NNLW"
    static final int OPTIMIZER_MAGIC = 0x4E4E4C4F; // "NNLO"
    static final int VERSION = 1;
    /** optimizer.bin's version: 2 added the assigned learning rate. */
    static final int OPTIMIZER_VERSION = 2;

    private WeightsCodec() {
    }

    static byte[] encodeWeights(List<String> names, List<Tensor> weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(WEIGHTS_MAGIC);
        out.writeInt(VERSION);
        out.writeInt(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            Tensor t = weights.get(i);
            out.writeUTF(names.get(i));
            int[] shape = t.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            for (double v : t.data()) {
                out.writeDouble(v);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads weights; names go into {@code names}. */
    static List<Tensor> decodeWeights(DataInputStream in, List<String> names) throws IOException {
        header(in, WEIGHTS_MAGIC, "weights.bin", VERSION);
        int count = nonNegative(in.readInt(), "weight count");
        List<Tensor> weights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
            int rank = nonNegative(in.readInt(), "rank of weight " + i);
            int[] shape = new int[rank];
            long size = 1;
            for (int k = 0; k < rank; k++) {
                shape[k] = nonNegative(in.readInt(), "dimension of weight " + i);
                size *= shape[k];
            }
            if (size > in.available() / Double.BYTES) {
                throw new IOException("weight " + i + " claims " + size + " values but only " + in.available()
                        + " bytes remain");
            }
            Tensor t = Tensor.zeros(shape);
            double[] d = t.data();
            for (int k = 0; k < d.length; k++) {
                d[k] = in.readDouble();
            }
            weights.add(t);
        }
        end(in, "weights.bin");
        return weights;
    }

    static byte[] encodeOptimizer(Optimizer.Snapshot s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(OPTIMIZER_MAGIC);
        out.writeInt(OPTIMIZER_VERSION);
        out.writeUTF(s.kind());
        out.writeLong(s.iterations());
        out.writeDouble(s.learningRate());
        out.writeInt(s.slots().size());
        for (double[][] slots : s.slots()) {
            out.writeInt(slots.length);
            for (double[] slot : slots) {
                out.writeInt(slot.length);
                for (double v : slot) {
                    out.writeDouble(v);
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads optimizer state; whose it is travels with it, and restoring it checks that. */
    static Optimizer.Snapshot decodeOptimizer(DataInputStream in) throws IOException {
        int version = header(in, OPTIMIZER_MAGIC, "optimizer.bin", OPTIMIZER_VERSION);
        String kind = in.readUTF();
        long iterations = in.readLong();
        double learningRate = version >= 2 ? in.readDouble() : Double.NaN;
        int count = nonNegative(in.readInt(), "parameter count");
        List<double[][]> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[][] slots = new double[nonNegative(in.readInt(), "slot count")][];
            for (int k = 0; k < slots.length; k++) {
                int n = nonNegative(in.readInt(), "slot length");
                if (n > in.available() / Double.BYTES) {
                    throw new IOException("optimizer slot claims " + n + " values but only " + in.available()
                            + " bytes remain");
                }
                slots[k] = new double[n];
                for (int j = 0; j < n; j++) {
                    slots[k][j] = in.readDouble();
                }
            }
            all.add(slots);
        }
        end(in, "optimizer.bin");
        return new Optimizer.Snapshot(kind, iterations, all, learningRate);
    }

    /** Checks the magic and returns the version, 1 to {@code newest}. */
    private static int header(DataInputStream in, int magic, String entry, int newest) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException(entry + " starts with 0x" + Integer.toHexString(m) + ", expected 0x"
                    + Integer.toHexString(magic));
        }
        int v = in.readInt();
        if (v < 1 || v > newest) {
            throw new IOException(entry + " has version " + v + "; this nnlab reads version " + (newest == 1 ? "1"
                    : "1 to " + newest));
        }
        return v;
    }

    private static void end(DataInputStream in, String entry) throws IOException {
        if (in.read() != -1) {
            throw new IOException(entry + " has bytes after its last value");
        }
    }

    private static int nonNegative(int v, String what) throws IOException {
        if (v < 0) {
            throw new IOException(what + " is negative (" + v + ")");
        }
        return v;
    }
}
