package org.nnlab.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a CSV file's bytes strictly, drops a leading byte order mark, and reports undecodable
 * bytes as a {@link CsvFormatException} naming the line and the byte offset.
 *
 * <p>{@link java.io.InputStreamReader} would replace such bytes with U+FFFD and
 * {@link java.nio.file.Files#newBufferedReader} throws a bare {@code MalformedInputException}
 * ("Input length = 1"); neither says where the bad byte is or what to do.
 */
final class DecodingReader extends Reader {
    private static final int BUFFER = 1 << 14;

    private final InputStream in;
    private final String source;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    /** Bytes moved from the stream into {@link #bytes} so far. */
    private long bytesRead;
    /** Line feeds decoded so far, for the line number of an error. */
    private long lineFeeds;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;

    DecodingReader(InputStream in, Charset charset, String source) {
        this.in = in;
        this.source = source;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            decodeMore();
        }
        if (atStart) {
            atStart = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
                if (!chars.hasRemaining()) {
                    return read(cbuf, off, len);
                }
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes the next characters into {@link #chars}, reading bytes as needed. */
    private void decodeMore() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !flushed) {
                if (!bytes.hasRemaining() || !endOfInput && bytes.remaining() < 16) {
                    fillBytes();
                }
                CoderResult r = decoder.decode(bytes, chars, endOfInput);
                if (r.isError()) {
                    throw undecodable(r);
                }
                if (endOfInput && !bytes.hasRemaining() && r.isUnderflow()) {
                    if (decoder.flush(chars).isOverflow()) {
                        continue;
                    }
                    flushed = true;
                }
            }
        } finally {
            chars.flip();
            for (int i = chars.position(); i < chars.limit(); i++) {
                lineFeeds += chars.get(i) == '\n' ? 1 : 0;
            }
        }
    }

    private void fillBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    private CsvFormatException undecodable(CoderResult r) {
        long offset = bytesRead - bytes.remaining();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < r.length() && bytes.position() + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        // Lines before the bad byte: those already handed out plus those decoded into chars now.
        long line = 1 + lineFeeds + countLineFeeds(chars, 0, chars.position());
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        String hint = utf8 ? " Hint: the file is probably in another encoding, such as Windows-1252 or ISO-8859-1"
                + " (Excel's plain 'CSV' format); save it as 'CSV UTF-8', or read it with"
                + " CsvOptions.builder().encoding(StandardCharsets.ISO_8859_1)." : " Hint: choose the file's real"
                + " encoding with CsvOptions.builder().encoding(...).";
        return new CsvFormatException(source, line, "byte offset " + offset + ": " + (r.isMalformed() ? "bytes " + hex
                + " are not valid " + charset.name() : "bytes " + hex + " have no character in " + charset.name())
                + "." + hint, null);
    }

    private static long countLineFeeds(CharBuffer b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += b.get(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
