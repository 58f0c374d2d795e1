package org.newsbrief.llm;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsbrief.internal.Hashing;
import org.newsbrief.nlp.Sentence;

/**
 * Article text on its way into a prompt. It is fenced as data between marker lines whose id is
 * derived from the text itself, so a text cannot close its own fence, and any marker-like
 * brackets in it are broken up first. Sentences that address a language model rather than a
 * reader ("ignore previous instructions…") are recognized so they can be kept out of both the
 * prompt and the sources a written summary is checked against.
 *
 * <p>Recognition works on a folded copy of the sentence, so that spelling tricks a model reads
 * through do not hide an instruction from it: compatibility forms (fullwidth and mathematical
 * letters) are normalized (NFKC), letters that look alike across scripts are mapped to their Latin
 * prototype (the Unicode confusables skeleton of UTS #39, applied to non-ASCII letters only, since
 * it also maps plain "m" to "rn"), accents, zero-width and format characters are removed, digits
 * written for letters inside words are read as letters, and single letters spelled out with dots
 * or spaces ("I.G.N.O.R.E") are joined. The phrases are then matched in English, French and
 * German; they name an instruction, a role or an addressee, so news that merely reports someone
 * ignoring rules or giving instructions still passes.
 */
final class UntrustedText {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final Map<Integer, String> PROTOTYPES = new ConcurrentHashMap<>();
    private static final Pattern MARKS_AND_FORMATS = Pattern.compile("[\\p{M}\\p{Cf}]+");
    private static final Pattern DIGIT_FOR_LETTER = Pattern.compile("(?<=\\p{L})[013457@$]|[013457@$](?=\\p{L})");
    private static final Pattern SPELLED_OUT = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{L}(?:[\\s.\\-_*·•,/|+~]{1,3}\\p{L}(?![\\p{L}\\p{N}])){2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-_*·•,/|+~]");

    private static final String AI = "(?:ai|a\\.i\\.|assistants?|language models?|llms?|chatbots?|chat ?gpt|gpts?"
            + "|summari[sz]ers?|(?:summari[sz]ing|summari[sz]ation|summary|automated|ai|news|writing|reading|text|language)"
            + " (?:systems?|models?|tools?|assistants?|bots?|engines?|software|programs?|agents?)"
            + "|(?:automated|ai|machine|robot) (?:writers?|editors?|readers?|condensers?|summari[sz]ers?))";
    private static final String OVERRIDE = "(?:ignore|ignoring|disregard|disregarding|forget|forgetting|override|overriding"
            + "|bypass|discard|set aside|put aside|throw out|abandon|do not follow|don'?t follow|stop following|no longer follow"
            + "|do not obey|don'?t obey)";
    private static final String REPLY = "(?:reply|respond|answer|output|say|print|write|return|type|repeat|state)";
    private static final String IMPERATIVE = "(?:^|\\b(?:and|then|please|instead|now|just|simply)\\s+|[:;,]\\s*)";

    /**
     * Phrases that talk to an assistant, not to a reader, matched on folded text: lower case,
     * Latin letters without accents, runs of spaces collapsed.
     */
    private static final Pattern ADDRESSES_A_MODEL = Pattern.compile(String.join("|",
            // English: setting earlier instructions aside
            "\\b" + OVERRIDE + "\\b.{0,30}\\b(?:previous|prior|above|earlier|preceding|foregoing|former|original|initial"
                    + "|existing|system|developer'?s?)\\b.{0,20}\\b(?:instructions?|prompts?|directives?|guidelines?|guidance"
                    + "|commands?|programming|rules|context|messages?|orders)\\b",
            "\\b" + OVERRIDE + "\\b.{0,30}\\b(?:all|any|your|these|those)\\b.{0,20}\\b(?:instructions?|prompts?|directives?"
                    + "|guidelines?|commands?|programming)\\b",
            "\\b(?:ignore|disregard|forget)\\s+(?:all\\s+|everything\\s+)?(?:of\\s+)?(?:the\\s+|your\\s+)?"
                    + "(?:above|preceding|foregoing|instructions|prompt|system prompt)\\b",
            "\\b(?:forget|disregard|ignore) (?:everything|all) (?:above|before|you (?:were|have been) told|you know|so far)\\b",
            "\\b(?:set|put) aside (?:what|everything|anything) you (?:were|have been|are) (?:told|given|asked)\\b",
            // English: a new role or new orders
            "\\byou are now (?:a|an|the|my|no longer|unrestricted|unfiltered|jailbroken|dan|in (?:developer|god|dan) mode)\\b",
            "\\bfrom now on,? you (?:are|will|must|should|shall)\\b",
            "\\b(?:pretend|act|behave) (?:to be|you are|as if you were|as) (?:an? )?(?:unrestricted|unfiltered|jailbroken|different|new)?"
                    + " ?(?:ai|assistant|chatbot|language model|model)\\b",
            "\\b(?:new|updated|revised|real|actual|true|additional|hidden|secret) (?:instructions?|directives?|orders)\\s*[:\\-—–]",
            "\\b(?:follow|obey|here are|these are) (?:the |these |my |your )?(?:new|updated|real|actual|true) instructions\\b",
            "\\binstructions? (?:for|to) (?:the |any |all )?" + AI + "\\b",
            "\\bsystem (?:prompt|message|instructions?)\\s*[:\\]>)]",
            "\\b(?:reveal|print|repeat|show|output|leak|display|tell me|ignore|disregard|override|forget|change|replace)\\b.{0,20}"
                    + "\\b(?:system|hidden|original) (?:prompt|message|instructions)\\b",
            "\\b(?:end|beginning|start) of (?:the |your )?(?:system )?prompt\\b",
            "(?:^|[.!?:;\"'\\[\\](){}<>|]\\s*)(?:system|assistant|user)\\s*:",
            // English: what to answer
            IMPERATIVE + REPLY + "\\s+(?:back\\s+)?(?:only|just|exactly|solely|nothing but)\\b",
            IMPERATIVE + REPLY + "\\s+(?:back\\s+)?with\\s+(?:only\\b|just\\b|exactly\\b|nothing but\\b|a single word\\b|one word\\b"
                    + "|the (?:single )?(?:word|words|phrase|text|string|following|token|sentence)\\b|[\"'“‘«]|\\S+\\s+(?:only|and nothing else)\\b)",
            "(?:^|\\band\\s+|[:;]\\s*)(?:now\\s+|instead\\s+|just\\s+)?(?:write|say|output|print|respond with|reply with|answer with)"
                    + "\\s+(?:only\\s+|exactly\\s+|just\\s+)?(?:the word|the words|the phrase|the following|[\"'“‘])",
            IMPERATIVE + REPLY + "\\b.{1,40}\\bas (?:the|your) (?:only )?(?:summary|reply|response|answer|output|headline)\\b",
            "\\byour (?:real|actual|true|new|only|sole) (?:task|job|mission|instructions?|assignment) (?:has changed|have changed"
                    + "|is now|are now|is to (?:output|print|write|say|reply|respond|repeat|return))\\b",
            "(?:" + IMPERATIVE + "|\\bso\\s+)(?:output|print|return|emit|respond with|reply with|answer with)\\b.{0,60}"
                    + "\\b(?:and nothing else|and nothing more"
                    + "|and no other (?:text|words?|output))\\b",
            REPLY + "\\s+(?:only\\s+)?(?:the|a) single (?:token|word|phrase|string)\\b",
            "\\byour (?:only |entire |whole |final )?(?:reply|response|answer|output|summary) (?:must|should|shall|will|is to)"
                    + " (?:be|say|read|contain|consist|include|only)\\b",
            "\\b(?:the|this|your) summary (?:must|should|shall) (?:say|state|read|include|mention|contain|claim)\\b",
            "\\bdo not summari[sz]e (?:this|the (?:above|text|article|page))\\b",
            // English: the model addressed directly
            "\\b(?:note|message|memo|notice|attention|attn|instructions?|reminder|warning|hello|hi|hey|dear|psst)\\b[^.!?]{0,20}?"
                    + AI + "(?:\\s+\\w+ing\\b[^.!?:]{0,30})?\\s*(?:[:,!;—–-]|\\b(?:you|please|if)\\b)",
            "\\bif you are (?:an? |the )?" + AI + "\\b",
            AI + " (?:reading|summari[sz]ing|processing|parsing|scanning|analy[sz]ing) (?:this|these)\\b",
            "(?:ai|assistant|chatbot|language model|llm|summari[sz]er|model)s?\\b.{0,30}\\b(?:must|should|shall|is to|are to)\\b"
                    + ".{0,30}\\b(?:write|say|output|print|respond|answer|include|reply|state)\\b",
            "\\byou are (?:now )?(?:a|an|the) (?:ai|assistant|chatbot|language model|llm)\\b",
            // French
            "\\b(?:ignore[zr]?|oublie[zr]?|ne (?:tenez|tiens) (?:pas|plus) compte|faites abstraction|fais abstraction|neglige[zr]?)\\b"
                    + ".{0,40}?\\b(?:instructions?|consignes?|directives?|regles?|prompts?|ordres)\\b.{0,20}?\\b(?:precedentes?"
                    + "|anterieures?|ci-dessus|prealables?|initiales?|d'avant|du systeme)",
            "\\b(?:ignore[zr]?|oublie[zr]?)\\b.{0,10}\\b(?:toutes? (?:les |vos |tes )?|vos |tes )(?:instructions?|consignes?|directives?)\\b",
            "\\b(?:reponds|repondez|ecris|ecrivez|affiche|affichez|dis|dites|renvoie|renvoyez)\\s+(?:uniquement|seulement|rien d'autre)\\b",
            "\\b(?:nouvelles?|vraies?) (?:instructions|consignes)\\s*:",
            "\\b(?:tu es|vous etes) (?:maintenant|desormais) (?:un|une) (?:ia|assistant|modele|chatbot)\\b",
            "\\b(?:note|message|attention|avis|consigne) (?:a|au|aux|pour) (?:l'|le |la |les )?(?:ia|i\\.a\\.|assistant|modele"
                    + "|systeme de resume|intelligence artificielle)",
            // German
            "\\b(?:ignoriere|ignorieren sie|ignoriert|vergiss|vergessen sie|vergesst|missachte|missachten sie|uberspringe)\\b.{0,40}?"
                    + "\\b(?:vorherigen?|vorigen?|bisherigen?|obigen?|fruheren?|vorangegangenen?|ursprunglichen?)\\b.{0,20}?"
                    + "\\b(?:anweisungen|anweisung|instruktionen|befehle|vorgaben|anordnungen|regeln|prompts?)\\b",
            "\\b(?:ignoriere|ignorieren sie|vergiss|vergessen sie|missachte)\\b.{0,10}\\b(?:alle|samtliche|deine|ihre) "
                    + "(?:anweisungen|instruktionen|befehle|vorgaben)\\b",
            "\\b(?:antworte|antworten sie|schreibe|schreib|schreiben sie|gib|geben sie)\\b.{0,15}\\b(?:nur|ausschliesslich|lediglich)\\b",
            "\\bneue (?:anweisungen|instruktionen|befehle)\\s*:",
            "\\b(?:du bist|sie sind) (?:jetzt|nun|ab sofort) (?:ein|eine) (?:ki|assistent|sprachmodell|chatbot)\\b",
            "\\b(?:hinweis|nachricht|achtung|anweisung) (?:an|fur) (?:die |den |das )?(?:ki|assistent|sprachmodell|zusammenfassungs\\w*"
                    + "|chatbot)\\b"));

    /**
     * The same instructions with every space and punctuation mark squeezed out, which catches them
     * however the words are broken up ("ig-nore prev. instruc tions").
     */
    private static final Pattern SQUEEZED = Pattern.compile(
            "(?:ignore|disregard|forget|override)(?:all|any|the|your|of|everything)*(?:previous|prior|above|earlier|preceding"
                    + "|foregoing|system)(?:instructions?|prompts?|directives?|guidelines?)"
                    + "|ignorez?(?:toutes)?(?:les|vos)?(?:instructions|consignes)(?:precedentes|anterieures)"
                    + "|(?:ignoriere|vergiss)(?:alle)?(?:vorherigen|vorigen|bisherigen|obigen)(?:anweisungen|instruktionen)");

    /**
     * Text imitating the fences prompts put around data, matched with case kept: doubled angle
     * brackets, END/BEGIN DATA markers and the control tokens of chat formats.
     */
    private static final Pattern FAKE_MARKER = Pattern.compile(
            "<\\s*<|>\\s*>|\\b(?:END|BEGIN|START)[\\s_-]*(?:OF[\\s_-]*)?(?:THE[\\s_-]*)?(?:UNTRUSTED[\\s_-]*)?DATA\\b"
                    + "|[<\\[{(#=]\\s*/?\\s*(?:end|begin)[\\s_-]*(?:of[\\s_-]*)?data\\b"
                    + "|(?i:\\[/?(?:inst|system|sys|data)\\]|<\\|[a-z_]+\\|>|<</?sys>>|^\\s*#{2,}\\s*(?:system|instruction|end))");

    private UntrustedText() {}

    /**
     * @param text article text
     * @return the text between two marker lines, with brackets that could imitate a marker broken up
     */
    static String fence(String text) {
        String clean = text.replace("<<<", "< < <").replace(">>>", "> > >");
        String id = id(clean);
        return "<<<DATA " + id + ">>>\n" + clean.strip() + "\n<<<END DATA " + id + ">>>";
    }

    /**
     * @param text a title or an outlet's name, which prompts carry outside the fences
     * @return the text on one line, brackets that could imitate a marker broken up, and withheld
     *     entirely when it addresses a model
     */
    static String inline(String text) {
        String line = text.replaceAll("\\s+", " ").replace("<<<", "< < <").replace(">>>", "> > >").strip();
        return addressesAModel(line) ? "(withheld: it addresses an AI model)" : line;
    }

    /**
     * @param sentence one sentence of an article
     * @return whether it imitates the markers around the data in a prompt; what follows such a
     *     marker in the same paragraph poses as text outside the data, so it is not trusted either
     */
    static boolean imitatesAFence(String sentence) {
        return FAKE_MARKER.matcher(lookalike(sentence)).find();
    }

    /**
     * @param sentence one sentence of an article
     * @return whether it reads as an instruction to a language model, or imitates the markers
     *     around the data in a prompt
     */
    static boolean addressesAModel(String sentence) {
        String lookalike = lookalike(sentence);
        if (FAKE_MARKER.matcher(lookalike).find()) {
            return true;
        }
        String text = folded(lookalike);
        return ADDRESSES_A_MODEL.matcher(text).find() || SQUEEZED.matcher(text.replaceAll("[^\\p{L}]", "")).find();
    }

    /**
     * Sentences that speak to a reader; those addressing a model are kept from it and from the
     * check of what it writes, and so is the rest of a paragraph after a sentence imitating a
     * fence marker.
     *
     * @param sentences an article's sentences
     * @return those a prompt may carry, in order
     */
    static List<Sentence> trusted(List<Sentence> sentences) {
        List<Sentence> trusted = new ArrayList<>();
        int fencedBlock = -1;
        for (Sentence sentence : sentences) {
            if (imitatesAFence(sentence.text())) {
                fencedBlock = sentence.block();
            }
            if (sentence.block() != fencedBlock && !addressesAModel(sentence.text())) {
                trusted.add(sentence);
            }
        }
        return trusted;
    }

    /**
     * @param text any text
     * @return the text with compatibility forms normalized, non-ASCII look-alike letters replaced
     *     by their Latin prototype, and accents, zero-width and format characters removed; case is
     *     kept
     */
    static String lookalike(String text) {
        String normal = NFKC.normalize(text);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints().forEach(point -> {
            if (point < 128) {
                out.append((char) point);
            } else {
                out.append(PROTOTYPES.computeIfAbsent(point, UntrustedText::prototype));
            }
        });
        return MARKS_AND_FORMATS.matcher(out).replaceAll("");
    }

    /**
     * @param lookalike text already passed through {@link #lookalike}
     * @return it in lower case, spaces collapsed, digits written for letters read as letters and
     *     spelled-out letters joined
     */
    static String folded(String lookalike) {
        String text = lookalike.toLowerCase(Locale.ROOT).replace("ß", "ss").replace('’', '\'');
        text = DIGIT_FOR_LETTER.matcher(text).replaceAll(match -> switch (match.group()) {
            case "0" -> "o";
            case "1" -> "i";
            case "3" -> "e";
            case "4", "@" -> "a";
            case "5", "$" -> "s";
            default -> "t";
        });
        text = SPELLED_OUT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(SEPARATORS.matcher(match.group()).replaceAll("")));
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * The Latin letter a letter imitates, without accents; the letter itself when none. Other
     * characters only lose their accents: the skeleton would turn a dash into a katakana mark.
     */
    private static String prototype(int point) {
        String skeleton = new String(Character.toChars(point));
        if (Character.isLetter(point)) {
            // the skeleton of a capital I is a small l, so capitals are looked up as small letters
            synchronized (CONFUSABLES) {
                skeleton = CONFUSABLES.getSkeleton(new String(Character.toChars(Character.toLowerCase(point))));
            }
            if (Character.isUpperCase(point)) {
                skeleton = skeleton.toUpperCase(Locale.ROOT);
            }
        }
        return MARKS_AND_FORMATS.matcher(NFD.normalize(skeleton)).replaceAll("");
    }

    private static String id(String text) {
        return Hashing.sha256Hex(text, 6);
    }
}
