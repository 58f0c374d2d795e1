package org.newsbrief.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Article text on its way into a prompt. It is fenced as data between marker lines whose id is
 * derived from the text itself, so a text cannot close its own fence, and any marker-like
 * brackets in it are broken up first. Sentences that address a language model rather than a
 * reader ("ignore previous instructions…") are recognized so they can be kept out of both the
 * prompt and the sources a written summary is checked against.
 */
public final class UntrustedText {

    /**
     * Phrases that talk to an assistant, not to a reader. Matching is on lower-cased text with
     * runs of spaces collapsed.
     */
    private static final Pattern ADDRESSES_A_MODEL = Pattern.compile(
            "\\b(ignore|disregard|forget|override)\\b.{0,30}\\b(previous|prior|above|earlier|preceding|all|any|your)\\b"
                    + ".{0,20}\\b(instructions?|prompts?)\\b"
                    + "|\\b(ignore|disregard|forget)\\s+(all\\s+|everything\\s+)?(of\\s+)?(the\\s+|your\\s+)?"
                    + "(above|preceding|foregoing|instructions|prompt|system prompt)\\b"
                    + "|\\b(reveal|print|repeat|show) (your|the) (system )?prompt\\b"
                    + "|\\bnew instructions?:"
                    + "|\\byou are (now )?(a|an|the) (ai|assistant|chatbot|language model|llm)\\b"
                    + "|\\b(ai|assistant|chatbot|language model|llm|summari[sz]er|model)s?\\b.{0,30}\\b(must|should|shall|is to|are to)\\b"
                    + ".{0,30}\\b(write|say|output|print|respond|answer|include|reply|state)\\b"
                    + "|(^|\\band\\s+|[:;]\\s*)(now\\s+|instead\\s+|just\\s+)?(write|say|output|print|respond with|reply with|answer with)"
                    + "\\s+(only\\s+|exactly\\s+|just\\s+)?(the word|the words|the phrase|the following|[\"'“‘])");

    private UntrustedText() {}

    /**
     * @param text article text
     * @return the text between two marker lines, with brackets that could imitate a marker broken up
     */
    public static String fence(String text) {
        String clean = text.replace("<<<", "< < <").replace(">>>", "> > >");
        String id = id(clean);
        return "<<<DATA " + id + ">>>\n" + clean.strip() + "\n<<<END DATA " + id + ">>>";
    }

    /**
     * @param text a title or an outlet's name, which prompts carry outside the fences
     * @return the text on one line, brackets that could imitate a marker broken up, and withheld
     *     entirely when it addresses a model
     */
    public static String inline(String text) {
        String line = text.replaceAll("\\s+", " ").replace("<<<", "< < <").replace(">>>", "> > >").strip();
        return addressesAModel(line) ? "(withheld: it addresses an AI model)" : line;
    }

    /**
     * @param sentence one sentence of an article
     * @return whether it reads as an instruction to a language model
     */
    public static boolean addressesAModel(String sentence) {
        String text = sentence.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return ADDRESSES_A_MODEL.matcher(text).find();
    }

    private static String id(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
