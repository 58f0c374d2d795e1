package org.newsbrief.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Turns the bytes of a file into clean text, refusing what is not text at all. */
final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 8192;
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern ODD_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F\\t\\x0B\\f]");

    private TextDecoding() {}

    /**
     * Decodes a file's bytes: a byte-order mark wins, then strict UTF-8, then Windows-1252 (which
     * accepts every byte, so old Western files still read). The result is NFC-normalized, with
     * Unix line ends, no invisible characters and plain spaces.
     *
     * @throws IngestException when the bytes are empty, blank or binary
     */
    static String decode(byte[] bytes, String location) {
        if (bytes.length == 0) {
            throw new IngestException(location + ": empty file");
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else {
            if (looksBinary(bytes)) {
                throw new IngestException(location + ": binary file, not text");
            }
            text = decodeUtf8OrWindows1252(bytes);
        }
        text = clean(text);
        if (text.isBlank()) {
            throw new IngestException(location + ": empty file (only white space)");
        }
        return text;
    }

    /**
     * Decodes bytes whose charset a server or document declared. Declarations are often wrong,
     * so bytes that are valid UTF-8 are read as UTF-8 whatever the label says; otherwise the
     * declared charset is used when Java knows it, else Windows-1252.
     *
     * @throws IngestException when the bytes are empty or binary
     */
    static String decode(byte[] bytes, String declaredCharset, String location) {
        if (declaredCharset == null || startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0xFE, 0xFF)
                || startsWith(bytes, 0xFF, 0xFE)) {
            return decode(bytes, location);
        }
        if (bytes.length == 0) {
            throw new IngestException(location + ": empty document");
        }
        if (looksBinary(bytes)) {
            throw new IngestException(location + ": binary content, not text");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            Charset charset;
            try {
                charset = Charset.forName(declaredCharset.strip());
            } catch (IllegalArgumentException unknown) {
                charset = WINDOWS_1252;
            }
            text = new String(bytes, charset);
        }
        text = clean(text);
        if (text.isBlank()) {
            throw new IngestException(location + ": empty document");
        }
        return text;
    }

    /** Normalizes text from any source the same way files are normalized. */
    static String clean(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        unified = INVISIBLE.matcher(unified).replaceAll("");
        unified = ODD_SPACES.matcher(unified).replaceAll(" ");
        return Normalizer.normalize(unified, Normalizer.Form.NFC);
    }

    private static String decodeUtf8OrWindows1252(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** A NUL byte, or many control bytes, in the first block means this is no text file. */
    private static boolean looksBinary(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > length / 20;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
