package org.nnlab.dsl.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * The binary entries of a model file: weights and optimizer state behind a small header, each
 * tensor in its own precision.
 *
 * <p>{@code weights.bin}: the magic {@code NNLW}, version (int), count (int), then per tensor its
 * name (modified UTF-8 as {@link DataOutputStream#writeUTF}), its precision (one byte: 4 for
 * float32, 8 for float64, the bytes per value), rank (int), each dimension (int) and its values
 * (big-endian float or double, row-major). {@code optimizer.bin}: the magic {@code NNLO}, version
 * (int), the kind of optimizer whose state it is (its Keras name, checked by nn-core's
 * {@code Optimizer.restore}), iterations (long), count (int), then per parameter the number of slots
 * (int) and per slot its precision (byte), length (int) and values. Version 1, written before nnlab
 * had float32, has no precision bytes and only doubles; it is still read.
 */
final class WeightsCodec {
    static final int WEIGHTS_MAGIC = 0x4E4E4C57; // "NNLW"
    static final int OPTIMIZER_MAGIC = 0x4E4E4C4F; // "NNLO"
    static final int VERSION = 2;
    /** The version before precisions: every value a double. */
    static final int FLOAT64_VERSION = 1;

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
            out.writeByte(t.precision().bytes());
            int[] shape = t.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            writeValues(out, t);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads weights; names go into {@code names}. */
    static List<Tensor> decodeWeights(DataInputStream in, List<String> names) throws IOException {
        int version = header(in, WEIGHTS_MAGIC, "weights.bin");
        int count = nonNegative(in.readInt(), "weight count");
        List<Tensor> weights = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
            Precision precision = version == FLOAT64_VERSION ? Precision.FLOAT64 : precision(in.readByte(), "weight " + i);
            int rank = nonNegative(in.readInt(), "rank of weight " + i);
            int[] shape = new int[rank];
            long size = 1;
            for (int k = 0; k < rank; k++) {
                shape[k] = nonNegative(in.readInt(), "dimension of weight " + i);
                size *= shape[k];
            }
            if (size > in.available() / precision.bytes()) {
                throw new IOException("weight " + i + " claims " + size + " values but only " + in.available()
                        + " bytes remain");
            }
            weights.add(readValues(in, Tensor.zeros(precision, shape)));
        }
        end(in, "weights.bin");
        return weights;
    }

    static byte[] encodeOptimizer(Optimizer.Snapshot s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(OPTIMIZER_MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(s.kind());
        out.writeLong(s.iterations());
        out.writeInt(s.slots().size());
        for (Tensor[] slots : s.slots()) {
            out.writeInt(slots.length);
            for (Tensor slot : slots) {
                out.writeByte(slot.precision().bytes());
                out.writeInt(slot.size());
                writeValues(out, slot);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads optimizer state; whose it is travels with it, and restoring it checks that. */
    static Optimizer.Snapshot decodeOptimizer(DataInputStream in) throws IOException {
        int version = header(in, OPTIMIZER_MAGIC, "optimizer.bin");
        String kind = in.readUTF();
        long iterations = in.readLong();
        int count = nonNegative(in.readInt(), "parameter count");
        List<Tensor[]> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Tensor[] slots = new Tensor[nonNegative(in.readInt(), "slot count")];
            for (int k = 0; k < slots.length; k++) {
                Precision precision = version == FLOAT64_VERSION ? Precision.FLOAT64
                        : precision(in.readByte(), "optimizer slot " + k + " of parameter " + i);
                int n = nonNegative(in.readInt(), "slot length");
                if (n > in.available() / precision.bytes()) {
                    throw new IOException("optimizer slot claims " + n + " values but only " + in.available()
                            + " bytes remain");
                }
                slots[k] = readValues(in, Tensor.zeros(precision, n));
            }
            all.add(slots);
        }
        end(in, "optimizer.bin");
        return new Optimizer.Snapshot(kind, iterations, all);
    }

    private static void writeValues(DataOutputStream out, Tensor t) throws IOException {
        if (t.precision() == Precision.FLOAT32) {
            for (float v : t.floatData()) {
                out.writeFloat(v);
            }
        } else {
            for (double v : t.data()) {
                out.writeDouble(v);
            }
        }
    }

    private static Tensor readValues(DataInputStream in, Tensor into) throws IOException {
        if (into.precision() == Precision.FLOAT32) {
            float[] f = into.floatData();
            for (int k = 0; k < f.length; k++) {
                f[k] = in.readFloat();
            }
        } else {
            double[] d = into.data();
            for (int k = 0; k < d.length; k++) {
                d[k] = in.readDouble();
            }
        }
        return into;
    }

    private static Precision precision(byte bytesPerValue, String what) throws IOException {
        for (Precision p : Precision.values()) {
            if (p.bytes() == bytesPerValue) {
                return p;
            }
        }
        throw new IOException(what + " has precision byte " + bytesPerValue + "; expected 4 (float32) or 8 (float64)");
    }

    /** Checks the magic and returns the version, {@value #VERSION} or {@value #FLOAT64_VERSION}. */
    private static int header(DataInputStream in, int magic, String entry) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException(entry + " starts with 0x" + Integer.toHexString(m) + ", expected 0x"
                    + Integer.toHexString(magic));
        }
        int v = in.readInt();
        if (v != VERSION && v != FLOAT64_VERSION) {
            throw new IOException(entry + " has version " + v + "; this nnlab reads versions " + FLOAT64_VERSION + " and "
                    + VERSION);
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
