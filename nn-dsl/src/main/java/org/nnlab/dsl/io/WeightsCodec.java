package org.nnlab.dsl.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * The binary entries of a model file: weights and optimizer state behind a small header, each
 * tensor in its own precision.
 *
 * <p>{@code weights.bin}: the magic {@code NNLW}, version (int 2), count (int), then per tensor its
 * name (modified UTF-8 as {@link DataOutputStream#writeUTF}), its precision (one byte: 4 for
 * float32, 8 for float64, the bytes per value), rank (int), each dimension (int) and its values
 * (big-endian float or double, row-major). Version 1, written before nnlab had float32, has no
 * precision byte and only doubles; it still reads. {@code optimizer.bin}: the magic {@code NNLO},
 * version (int 3), the kind of optimizer whose state it is (its Keras name, checked by nn-core's
 * {@code Optimizer.restore}), iterations (long), the learning rate a callback assigned (double,
 * NaN when the spec's holds), count (int), then per parameter the number of slots (int) and per
 * slot its precision (byte), length (int) and values. Version 1 (before learning rates could
 * change) has no learning rate, and versions 1 and 2 no precision bytes and only doubles; both
 * still read.
 */
final class WeightsCodec {
    static final int WEIGHTS_MAGIC = 0x4E4E4C57; // "NNLW"
    static final int OPTIMIZER_MAGIC = 0x4E4E4C4F; // "NNLO"
    /** weights.bin's version: 2 added each tensor's precision. */
    static final int VERSION = 2;
    /** optimizer.bin's version: 2 added the assigned learning rate, 3 each slot's precision. */
    static final int OPTIMIZER_VERSION = 3;

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

    /**
     * Reads weights; names go into {@code names}. Every count, rank and size is checked against the
     * bytes that remain before anything of that size is allocated.
     *
     * @throws Malformed naming the byte offset, if the entry does not follow the layout
     */
    static List<Tensor> decodeWeights(byte[] bytes, List<String> names) throws Malformed {
        Input in = new Input(bytes, "weights.bin");
        try {
            int version = in.header(WEIGHTS_MAGIC, VERSION);
            // Each weight takes at least 2 (name length) + 1 (precision) + 4 (rank) + 4 (one float, or a
            // dimension) bytes; in version 1, 2 + 4 + 8 (one double).
            int count = in.count("the weight count", version == 1 ? 14 : 11);
            List<Tensor> weights = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String what = "weight " + i;
                names.add(in.utf(what + "'s name"));
                what += " ('" + names.get(i) + "')";
                Precision precision = version == 1 ? Precision.FLOAT64 : in.precision("the precision of " + what);
                int rank = in.count("the rank of " + what, 4);
                int[] shape = new int[rank];
                long size = 1;
                long at = in.offset();
                for (int k = 0; k < rank; k++) {
                    shape[k] = in.nonNegative("dimension " + k + " of " + what);
                    size *= shape[k];
                    in.requireValues(size, precision, what + " with shape "
                            + Arrays.toString(Arrays.copyOf(shape, k + 1)) + (k + 1 < rank ? " so far" : ""), at);
                }
                weights.add(in.values(Tensor.zeros(precision, shape)));
            }
            in.end();
            return weights;
        } catch (IOException e) {
            throw in.malformed(e);
        }
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

    /**
     * Reads optimizer state; whose it is travels with it, and restoring it checks that. Counts and
     * lengths are checked against the bytes that remain before anything is allocated.
     *
     * @throws Malformed naming the byte offset, if the entry does not follow the layout
     */
    static Optimizer.Snapshot decodeOptimizer(byte[] bytes) throws Malformed {
        Input in = new Input(bytes, "optimizer.bin");
        try {
            int version = in.header(OPTIMIZER_MAGIC, OPTIMIZER_VERSION);
            String kind = in.utf("the optimizer's name");
            long iterations = in.readLong();
            // Version 1, written before learning rates could change, has no learning rate.
            double learningRate = version >= 2 ? in.readDouble() : Double.NaN;
            int count = in.count("the parameter count", 4);
            List<Tensor[]> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Tensor[] slots = new Tensor[in.count("the slot count of parameter " + i, 4)];
                for (int k = 0; k < slots.length; k++) {
                    String what = "slot " + k + " of parameter " + i;
                    long start = in.offset();
                    // Versions 1 and 2, written before float32, hold doubles only.
                    Precision precision = version < 3 ? Precision.FLOAT64 : in.precision("the precision of " + what);
                    int n = in.nonNegative("the length of " + what);
                    in.requireValues(n, precision, what, start);
                    slots[k] = in.values(Tensor.zeros(precision, n));
                }
                all.add(slots);
            }
            in.end();
            return new Optimizer.Snapshot(kind, iterations, all, learningRate);
        } catch (IOException e) {
            throw in.malformed(e);
        }
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

    /** An entry that does not follow its layout; the message names the entry and the byte offset. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** A read position in one entry's bytes, so that every error names its offset. */
    private static final class Input {
        private final byte[] bytes;
        private final String entry;
        private final DataInputStream in;

        Input(byte[] bytes, String entry) {
            this.bytes = bytes;
            this.entry = entry;
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        long offset() throws IOException {
            return bytes.length - in.available();
        }

        long remaining() throws IOException {
            return in.available();
        }

        /** Checks the magic and returns the version, 1 to {@code newest}. */
        int header(int magic, int newest) throws IOException {
            int m = in.readInt();
            if (m != magic) {
                throw new Malformed(entry + " at byte 0: starts with 0x" + Integer.toHexString(m) + ", expected 0x"
                        + Integer.toHexString(magic) + ". Hint: the entry is not nnlab's " + entry + ".");
            }
            int v = in.readInt();
            if (v < 1 || v > newest) {
                throw new Malformed(entry + " at byte 4: has version " + v + "; this nnlab reads version "
                        + (newest == 1 ? "1" : "1 to " + newest) + ".");
            }
            return v;
        }

        int nonNegative(String what) throws IOException {
            long at = offset();
            int v = in.readInt();
            if (v < 0) {
                throw new Malformed(entry + " at byte " + at + ": " + what + " is negative (" + v + ").");
            }
            return v;
        }

        /** A count of items that each take at least {@code minBytes} of what remains. */
        int count(String what, int minBytes) throws IOException {
            long at = offset();
            int v = nonNegative(what);
            if (v > remaining() / minBytes) {
                throw new Malformed(entry + " at byte " + at + ": " + what + " is " + v + ", but only " + remaining()
                        + " bytes remain, room for at most " + remaining() / minBytes + ".");
            }
            return v;
        }

        /** Fails unless {@code size} values of {@code precision} fit in what remains. */
        void requireValues(long size, Precision precision, String what, long at) throws IOException {
            if (size > remaining() / precision.bytes()) {
                throw new Malformed(entry + " at byte " + at + ": " + what + " needs " + size + " " + precision.kerasName()
                        + " values (" + size * precision.bytes() + " bytes) but only " + remaining() + " bytes remain.");
            }
        }

        /** A precision byte: 4 for float32, 8 for float64 (the bytes per value). */
        Precision precision(String what) throws IOException {
            long at = offset();
            byte b = in.readByte();
            for (Precision p : Precision.values()) {
                if (p.bytes() == b) {
                    return p;
                }
            }
            throw new Malformed(entry + " at byte " + at + ": " + what + " is " + b + "; expected 4 (float32) or 8"
                    + " (float64), the bytes per value.");
        }

        /** Fills {@code into} with values of its precision, in order. */
        Tensor values(Tensor into) throws IOException {
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

        String utf(String what) throws IOException {
            long at = offset();
            try {
                return in.readUTF();
            } catch (java.io.UTFDataFormatException e) {
                throw new Malformed(entry + " at byte " + at + ": " + what + " is not valid modified UTF-8.");
            }
        }

        double readDouble() throws IOException {
            return in.readDouble();
        }

        long readLong() throws IOException {
            return in.readLong();
        }

        void end() throws IOException {
            long at = offset();
            if (in.read() != -1) {
                throw new Malformed(entry + " at byte " + at + ": " + (bytes.length - at) + " bytes follow the last"
                        + " value.");
            }
        }

        /** {@code e} as a Malformed naming the offset: an EOFException becomes "ends at byte N". */
        Malformed malformed(IOException e) {
            if (e instanceof Malformed m) {
                return m;
            }
            return new Malformed(entry + " ends at byte " + bytes.length + ", in the middle of a value ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").");
        }
    }
}
