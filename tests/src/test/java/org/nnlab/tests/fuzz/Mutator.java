package org.nnlab.tests.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded mutator of valid inputs: the same seed gives the same mutations, so a failing case is
 * reproduced from its case number alone.
 *
 * <p>Byte mutations: truncate, flip bits, overwrite, insert, delete, duplicate a range, splice in a
 * range of another valid input, and inflate sizes (a big-endian int somewhere, or at a given
 * offset, set to 2³¹ − 1, 2³¹ − 9, 2³⁰, −1, 0 or a random value). Text mutations for CSV and JSON:
 * duplicate, drop or swap lines, duplicate a {@code "key": value} pair, replace a number or a word
 * with a hostile one (1e400, NaN, 2147483647, an empty cell, a stray quote …), nest brackets
 * deeply, insert a byte order mark or an invalid UTF-8 byte. {@link #describe()} lists what was done.
 */
final class Mutator {
    /** Sizes a forged header likes to claim. */
    static final int[] HUGE = {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 30, 46340, -1, 0, 65536};
    private static final String[] HOSTILE_TOKENS = {"", " ", "NaN", "Infinity", "-Infinity", "1e400", "-1e400",
        "2147483647", "-2147483648", "99999999999999999999", "0", "-0", "1.5", "1,5", "abc", "\"", "\"\"", "null",
        "true", "[]", "{}", "1d", "0x10", "\u00e9", "\uFEFF", ";", "\t", "1e-400", "-1", "4294967296"};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]+");
    private static final Pattern PAIR_OR_CELL = Pattern.compile("\"[a-z_]+\"\\s*:\\s*[^,{}\\[\\]\\n]+,?|[^,\\n]+,");

    private final SplittableRandom rng;
    private final List<String> done = new ArrayList<>();

    Mutator(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** A random int in [0, bound). */
    int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    /** One of {@code items}. */
    <T> T pick(List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    /** What this mutator did so far, for the failure message. */
    String describe() {
        return String.join(", ", done);
    }

    /** Notes an operation done outside this class. */
    void note(String what) {
        done.add(what);
    }

    /** One to three random byte mutations of {@code b}; {@code donor} is another valid input to splice from. */
    byte[] mutateBytes(byte[] b, byte[] donor) {
        byte[] out = b;
        for (int n = 1 + rng.nextInt(3); n > 0; n--) {
            out = mutateOnce(out, donor);
        }
        return out;
    }

    private byte[] mutateOnce(byte[] b, byte[] donor) {
        int len = b.length;
        switch (rng.nextInt(9)) {
            case 0 -> {
                int at = len == 0 ? 0 : rng.nextInt(len);
                done.add("truncate at " + at);
                return Arrays.copyOf(b, at);
            }
            case 1 -> {
                if (len == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int at = rng.nextInt(len);
                int bit = rng.nextInt(8);
                c[at] ^= (byte) (1 << bit);
                done.add("flip bit " + bit + " at " + at);
                return c;
            }
            case 2 -> {
                if (len == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int at = rng.nextInt(len);
                int n = Math.min(len - at, 1 + rng.nextInt(8));
                for (int i = 0; i < n; i++) {
                    c[at + i] = (byte) rng.nextInt(256);
                }
                done.add("overwrite " + n + " at " + at);
                return c;
            }
            case 3 -> {
                int at = len == 0 ? 0 : rng.nextInt(len + 1);
                byte[] ins = new byte[1 + rng.nextInt(16)];
                rng.nextBytes(ins);
                done.add("insert " + ins.length + " at " + at);
                return splice(b, at, at, ins);
            }
            case 4 -> {
                if (len == 0) {
                    return b;
                }
                int at = rng.nextInt(len);
                int n = Math.min(len - at, 1 + rng.nextInt(Math.max(1, len / 4)));
                done.add("delete " + n + " at " + at);
                return splice(b, at, at + n, new byte[0]);
            }
            case 5 -> {
                if (len == 0) {
                    return b;
                }
                int from = rng.nextInt(len);
                int n = Math.min(len - from, 1 + rng.nextInt(Math.max(1, len / 2)));
                int at = rng.nextInt(len + 1);
                done.add("duplicate " + n + " from " + from + " to " + at);
                return splice(b, at, at, Arrays.copyOfRange(b, from, from + n));
            }
            case 6 -> {
                if (donor.length == 0) {
                    return b;
                }
                int from = rng.nextInt(donor.length);
                int n = Math.min(donor.length - from, 1 + rng.nextInt(Math.max(1, donor.length / 2)));
                int at = len == 0 ? 0 : rng.nextInt(len);
                int to = Math.min(len, at + rng.nextInt(n + 1));
                done.add("splice " + n + " donor bytes from " + from + " over [" + at + ", " + to + ")");
                return splice(b, at, to, Arrays.copyOfRange(donor, from, from + n));
            }
            case 7 -> {
                return inflateSize(b, len < 4 ? 0 : rng.nextInt(len - 3));
            }
            default -> {
                // Append garbage: trailing bytes after a valid end.
                byte[] tail = new byte[1 + rng.nextInt(64)];
                rng.nextBytes(tail);
                done.add("append " + tail.length);
                return splice(b, len, len, tail);
            }
        }
    }

    /** Sets the big-endian int at {@code at} (if it fits) to a size a forger likes. */
    byte[] inflateSize(byte[] b, int at) {
        if (at + 4 > b.length) {
            return b;
        }
        byte[] c = b.clone();
        int v = rng.nextInt(4) == 0 ? rng.nextInt() : HUGE[rng.nextInt(HUGE.length)];
        ByteBuffer.wrap(c).putInt(at, v);
        done.add("int at " + at + " := " + v);
        return c;
    }

    /** One to three text mutations of UTF-8 text {@code b}. */
    byte[] mutateText(byte[] b, byte[] donor) {
        String s = new String(b, StandardCharsets.UTF_8);
        for (int n = 1 + rng.nextInt(3); n > 0; n--) {
            s = mutateTextOnce(s);
        }
        byte[] out = s.getBytes(StandardCharsets.UTF_8);
        if (rng.nextInt(8) == 0) {
            out = mutateBytes(out, donor);
        } else if (rng.nextInt(20) == 0) {
            int at = rng.nextInt(out.length + 1);
            done.add("invalid UTF-8 byte at " + at);
            out = splice(out, at, at, new byte[] {(byte) (0x80 + rng.nextInt(0x80))});
        }
        return out;
    }

    private String mutateTextOnce(String s) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        switch (rng.nextInt(10)) {
            case 0 -> {
                int i = rng.nextInt(lines.size());
                lines.add(rng.nextInt(lines.size() + 1), lines.get(i));
                done.add("duplicate line " + i);
                return String.join("\n", lines);
            }
            case 1 -> {
                int i = rng.nextInt(lines.size());
                lines.remove(i);
                done.add("drop line " + i);
                return String.join("\n", lines);
            }
            case 2 -> {
                int i = rng.nextInt(lines.size());
                int j = rng.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                done.add("swap lines " + i + " and " + j);
                return String.join("\n", lines);
            }
            case 3 -> {
                return replaceMatch(s, NUMBER, "number");
            }
            case 4 -> {
                return replaceMatch(s, WORD, "word");
            }
            case 5 -> {
                // Duplicate a "key": value pair or a cell in place.
                Matcher m = PAIR_OR_CELL.matcher(s);
                List<int[]> hits = new ArrayList<>();
                while (m.find()) {
                    hits.add(new int[] {m.start(), m.end()});
                }
                if (hits.isEmpty()) {
                    return s;
                }
                int[] h = pick(hits);
                String piece = s.substring(h[0], h[1]);
                done.add("duplicate '" + piece + "'");
                return s.substring(0, h[1]) + (piece.endsWith(",") ? "" : ",") + piece + s.substring(h[1]);
            }
            case 6 -> {
                int at = rng.nextInt(s.length() + 1);
                int depth = pick(List.of(2, 60, 70, 2000));
                boolean array = rng.nextBoolean();
                done.add("nest " + depth + " at " + at);
                return s.substring(0, at) + (array ? "[" : "{\"a\":").repeat(depth) + (array ? "]" : "1}").repeat(depth)
                        + s.substring(at);
            }
            case 7 -> {
                done.add("byte order mark");
                return "\uFEFF" + s;
            }
            case 8 -> {
                int at = rng.nextInt(s.length() + 1);
                String ins = pick(List.of(",", ";", "\"", "\r\n", "\n", "\r", "  ", "\t", "}", "]", ":"));
                done.add("insert '" + ins + "' at " + at);
                return s.substring(0, at) + ins + s.substring(at);
            }
            default -> {
                int at = rng.nextInt(s.length() + 1);
                done.add("cut at " + at);
                return s.substring(0, at);
            }
        }
    }

    private String replaceMatch(String s, Pattern p, String kind) {
        Matcher m = p.matcher(s);
        List<int[]> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end()});
        }
        if (hits.isEmpty()) {
            return s;
        }
        int[] h = pick(hits);
        String token = HOSTILE_TOKENS[rng.nextInt(HOSTILE_TOKENS.length)];
        done.add(kind + " '" + s.substring(h[0], h[1]) + "' := '" + token + "'");
        return s.substring(0, h[0]) + token + s.substring(h[1]);
    }

    static byte[] splice(byte[] b, int from, int to, byte[] ins) {
        byte[] out = new byte[b.length - (to - from) + ins.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(ins, 0, out, from, ins.length);
        System.arraycopy(b, to, out, from + ins.length, b.length - to);
        return out;
    }
}
