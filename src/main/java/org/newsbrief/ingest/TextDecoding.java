package org.newsbrief.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the bytes of a file into clean text, refusing what is not text at all. */
final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 8192;
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,512}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "<\\?xml[^>]{0,256}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
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
     * so each candidate is tried strictly, in turn, and the first that decodes every byte wins:
     * UTF-8 (bytes that are valid UTF-8 are almost never anything else), the declared charset,
     * the charset a {@code <meta>} tag or XML declaration names, and last Windows-1252, which
     * accepts nearly every byte.
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
        String text = strictly(bytes, StandardCharsets.UTF_8);
        if (text == null) {
            text = strictly(bytes, charsetNamed(declaredCharset));
        }
        if (text == null) {
            text = strictly(bytes, charsetNamed(embeddedCharset(bytes)));
        }
        if (text == null) {
            text = new String(bytes, WINDOWS_1252);
        }
        text = clean(text);
        if (text.isBlank()) {
            throw new IngestException(location + ": empty document");
        }
        return text;
    }

    /** The charset a document names in its first bytes: a {@code <meta>} tag or an XML declaration. */
    static String embeddedCharset(byte[] bytes) {
        // Charset names are ASCII, and ISO-8859-1 maps every byte to one char, so offsets match.
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            return meta.group(1);
        }
        Matcher xml = XML_ENCODING.matcher(head);
        return xml.find() ? xml.group(1) : null;
    }

    /**
     * The charset a label names. As in browsers (the WHATWG Encoding Standard), Latin-1 and ASCII
     * labels mean Windows-1252: pages so labelled nearly always hold its curly quotes, dashes and
     * euro sign in bytes 0x80 to 0x9F, which real Latin-1 would turn into invisible control
     * characters.
     */
    private static Charset charsetNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(name.strip());
            return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                    ? WINDOWS_1252 : charset;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** @return the text, or {@code null} when some bytes are not valid in the charset */
    private static String strictly(byte[] bytes, Charset charset) {
        if (charset == null) {
            return null;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notThisCharset) {
            return null;
        }
    }

    /**
     * Normalizes text from any source the same way files are normalized. Control characters
     * other than line ends are dropped: they are never news, and escape sequences in an article
     * would reach terminals, and bytes XML forbids would break the rendered page.
     */
    static String clean(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        unified = INVISIBLE.matcher(unified).replaceAll("");
        unified = ODD_SPACES.matcher(unified).replaceAll(" ");
        unified = withoutControls(unified);
        return Normalizer.normalize(unified, Normalizer.Form.NFC);
    }

    /**
     * @param text any text from a source, such as a title or an address
     * @return the text without C0 controls (except line feed and tab), DEL and C1 controls
     */
    static String withoutControls(String text) {
        return CONTROLS.matcher(text).replaceAll("");
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
