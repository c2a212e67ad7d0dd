package io.revlens.ingest.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file whose lines were written in two encodings (an export appended to by two systems: most lines UTF-8,
 * some Windows-1252): each line is decoded as UTF-8 when it is valid UTF-8, else as Windows-1252. Decoding the
 * whole file one way would turn one kind of line into mojibake ("ZoÃ« MÃ¼ller").
 */
final class LineByLineDecoder extends Reader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String decoded = "";
    private int at;
    private boolean ended;

    LineByLineDecoder(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (at >= decoded.length()) {
            if (ended || !nextLine()) {
                return -1;
            }
        }
        int n = Math.min(length, decoded.length() - at);
        decoded.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
    }

    private boolean nextLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (b == -1) {
            ended = true;
        }
        if (line.size() == 0) {
            return false;
        }
        byte[] bytes = line.toByteArray();
        try {
            decoded = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            decoded = new String(bytes, WINDOWS_1252);
        }
        at = 0;
        return true;
    }

    /** Whether the bytes hold well-formed UTF-8 multi-byte sequences (then a non-UTF-8 file is a mix). */
    static boolean hasUtf8Sequences(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int previous = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                // a two-byte sequence for Latin letters (C3 xx, C5 xx ...): what accented names look like in UTF-8
                if (previous >= 0xC2 && previous <= 0xDF && b >= 0x80 && b <= 0xBF) {
                    return true;
                }
                previous = b;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
