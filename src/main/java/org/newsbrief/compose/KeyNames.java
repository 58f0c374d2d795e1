package org.newsbrief.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsbrief.nlp.AnalyzedArticle;
import org.newsbrief.nlp.Sentence;
import org.newsbrief.nlp.Token;
import org.newsbrief.summarize.Terms;

/**
 * People, places and organizations, found as runs of proper nouns in the part-of-speech tags
 * ("Mohammed Shia al-Sudani", "Reserve Bank of New Zealand": "of" may join two runs). Only the
 * sentences the analysis kept are read, never the title, headings or dropped boilerplate.
 *
 * <p>The tagger calls many capitalized words proper nouns that name no one: the word that opens a
 * sentence ("Shares of Exxon"), the titles of songs and books ("What a Girl Wants"), ordinary
 * words written with a capital ("the Bill"), shouting ("IGNORE PREVIOUS INSTRUCTIONS"). Since
 * there is no English name-finder model to be had as a Maven artifact, the texts themselves are
 * the evidence: a word they also write in lower case is a common word, and a word they capitalize
 * only where a sentence opens is not shown to be a name.
 *
 * <p>A name that is the end of a longer one found in the same texts is merged into it, so
 * "Netanyahu" and "Mr. Netanyahu" count for "Benjamin Netanyahu" (case aside: "Al-Sudani" opening
 * a sentence is the same man). Titles ("Prime Minister", "Mr."), calendar words and particles at
 * either end are left out.
 */
final class KeyNames {

    /** Calendar words the tagger calls proper nouns; they name no one. */
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december");

    /**
     * Abbreviated months and days that are never names; "Jan", "Mar", "Sun" and "Sat" are, so
     * those count only with their full stop ("Jan. 5").
     */
    private static final Set<String> CALENDAR_SHORT = Set.of("feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri");
    private static final Set<String> CALENDAR_SHORT_WITH_STOP = Set.of("jan", "mar", "sat", "sun");

    /** Titles before a name, never part of it; with or without a full stop ("Mr.", "Gov."). */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "mx", "dr", "prof", "professor",
            "president", "prime", "minister", "chancellor", "governor", "gov", "secretary", "senator", "sen", "rep",
            "representative", "congressman", "congresswoman", "mayor", "deputy", "vice", "chairman", "chairwoman",
            "commissioner", "ambassador", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "cmdr", "rev",
            "reverend", "insp", "supt", "admiral", "colonel", "lieutenant", "sergeant", "commander", "brigadier",
            "corporal", "marshal");

    /**
     * Words that are titles before a name ("King Abdullah", "General Sir Mike Jackson") but also
     * start names of their own ("General Motors", "Premier League"), so they are left out only
     * when at least two words follow.
     */
    private static final Set<String> TITLES_BEFORE_FULL_NAMES = Set.of("general", "chief", "executive", "king",
            "queen", "lord", "lady", "pope", "judge", "sir", "dame", "premier", "prince", "princess", "miss", "captain",
            "major");

    /** Lower-case words inside names: "Bank of England", "Route du Rhum", "Ursula von der Leyen". */
    private static final Set<String> PARTICLES = Set.of("of", "du", "de", "des", "der", "van", "von", "la", "le", "da",
            "di", "do", "dos", "das", "del", "y");

    /**
     * Adjectives that open place and body names ("New Zealand", "Black Sea", "United Nations")
     * even where nothing else shows it.
     */
    private static final Set<String> PLACE_ADJECTIVES = Set.of("New", "Black", "Red", "White", "Dead", "North",
            "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Great", "United", "Middle", "Upper",
            "Lower", "Central", "Royal", "Holy", "Old", "Greater", "Grand", "Little", "Saint");

    /**
     * Nouns that head the names of bodies, places and buildings. Only after one of them does "of"
     * continue a name ("Bank of England", "Gulf of Mexico", "Prince of Wales"); after a person's
     * name it starts a second one ("Benjamin Netanyahu of Israel"). A capitalized adjective before
     * one belongs to the name ("Supreme Court", "Dominican Republic", "European Union").
     */
    private static final Set<String> HEADS = Set.of("academy", "agency", "airlines", "airport", "airways", "alliance",
            "army", "assembly", "association", "authority", "bank", "bay", "board", "bureau", "canal", "cape",
            "cathedral", "centre", "center", "chamber", "channel", "church", "city", "coast", "college", "commission",
            "committee", "company", "confederation", "congress", "corporation", "council", "county", "court",
            "department", "district", "duchy", "exchange", "federation", "force", "forces", "forum", "foundation",
            "front", "fund", "group", "guard", "gulf", "hall", "hospital", "house", "institute", "institution",
            "island", "islands", "isle", "isles", "kingdom", "lake", "league", "library", "ministry", "mount",
            "mountains", "movement", "museum", "navy", "ocean", "office", "organisation", "organization", "palace",
            "park", "parliament", "party", "police", "port", "province", "region", "republic", "reserve", "river",
            "school", "sea", "senate", "service", "services", "society", "square", "state", "states", "station", "strait",
            "straits", "street", "tribunal", "trust", "union", "university", "valley", "zone", "prince",
            "princess", "duke", "duchess", "earl", "archbishop", "bishop");

    /** "St. Kitts", "Mt. Everest", "Ft. Lauderdale": abbreviations that belong to place names. */
    private static final Set<String> PLACE_ABBREVIATIONS = Set.of("st", "mt", "ft");

    private static final Pattern INITIALS_WITHOUT_LAST_STOP = Pattern.compile("(\\p{Lu}\\.)+\\p{Lu}");

    /** Small words that may join two capitalized words into one name. */
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "&");

    /** Tokens after which a capital says nothing about a name: quotation marks and a colon. */
    private static final Set<String> OPENERS = Set.of("\"", "“", "‘", "``", "'", "«", "„", ":", "(", "[");

    /** Parts of speech that open the title of a song, book or film when capitalized mid-sentence. */
    private static final Set<String> FUNCTION_TAGS = Set.of("DET", "PRON", "ADP", "SCONJ", "CCONJ", "PART", "ADV");

    /**
     * How many times more often a single word must be capitalized inside sentences than written in
     * lower case to count as a name: "Bush" and "China" are, now and then, a shrub and porcelain.
     */
    private static final int NAME_TO_COMMON_RATIO = 4;

    /**
     * How many times more often a single word may be mentioned than a longer name it ends or
     * begins and still stand for it: news gives a full name once and the surname after, but
     * "England" is not short for "Tudor England".
     */
    private static final int SURNAME_RATIO = 20;

    /** How many times more often a name's part may be mentioned than it and still be its short form. */
    private static final int SHORT_FORM_RATIO = 3;

    private KeyNames() {}

    /**
     * @param articles the texts to look in
     * @param limit how many names at most
     * @return the names, most mentioned first
     */
    static List<String> of(List<AnalyzedArticle> articles, int limit) {
        List<Words> sentences = new ArrayList<>();
        Evidence evidence = new Evidence();
        for (AnalyzedArticle article : articles) {
            List<List<String>> tags = article.partsOfSpeech();
            for (int s = 0; s < article.sentences().size(); s++) {
                Words words = Words.of(article.sentences().get(s), tags.get(s));
                evidence.add(words);
                sentences.add(words);
            }
        }
        Map<String, Name> names = new LinkedHashMap<>();
        for (Words words : sentences) {
            for (List<String> name : new Finder(words, evidence).names()) {
                String form = String.join(" ", name);
                names.computeIfAbsent(key(form), k -> new Name(name.size(), names.size())).add(form);
            }
        }
        return merge(names, evidence).stream()
                .sorted((a, b) -> a.count != b.count ? Integer.compare(b.count, a.count) : Integer.compare(a.order, b.order))
                .map(Name::form)
                .limit(limit)
                .toList();
    }

    /** Case and full stops aside, "U.S." and "US", "Al-Sudani" and "al-Sudani" are one name. */
    private static String key(String form) {
        return form.replace(".", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Each name goes into the longest one it ends ("Netanyahu" into "Benjamin Netanyahu") or begins
     * ("Reserve Bank" into "Reserve Bank of New Zealand", "Fannie" into "Fannie Mae"), when the
     * longer one's other words look like given names or qualify it with "of": not common words,
     * acronyms, titles or nouns of bodies, nor a name mentioned on its own more often. So "Wales"
     * stays apart from "BBC Radio Wales", "Britain" from "Little Britain" and "Tory" from "London
     * Tory", two names that a missing comma glued.
     *
     * <p>An acronym stands alone: "US" is not short for "US Capitol". A name of several words goes
     * into one it ends only if that is mentioned at least as often ("Michael Howard" is not short
     * for a stray "BBC Michael Howard"), and a single word only if it is not mentioned many times
     * more ("England" is not short for "Tudor England", nor "London" for "London Brent"). An end must begin before an "of", so
     * "Society of London" goes into "Zoological Society of London" but "New Zealand" stays apart
     * from "Reserve Bank of New Zealand".
     *
     * <p>The longer names' ends and beginnings are indexed, so this takes time in proportion to the
     * names, not to their square: an edition of thousands of articles has tens of thousands.
     */
    private static List<Name> merge(Map<String, Name> names, Evidence evidence) {
        List<Map.Entry<String, Name>> longestFirst = new ArrayList<>(names.entrySet());
        longestFirst.sort((a, b) -> a.getValue().words != b.getValue().words
                ? Integer.compare(b.getValue().words, a.getValue().words)
                : Integer.compare(b.getValue().count, a.getValue().count));
        Map<String, Name> ends = new HashMap<>();
        Map<String, Name> starts = new HashMap<>();
        Map<String, Name> qualified = new HashMap<>();
        List<Name> merged = new ArrayList<>();
        for (Map.Entry<String, Name> entry : longestFirst) {
            Name name = entry.getValue();
            boolean acronym = name.words == 1 && evidence.isAcronym(entry.getKey());
            Name into = acronym ? null : ends.get(entry.getKey());
            if (into != null && (name.words == 1 ? into.count * SURNAME_RATIO < name.count : into.count < name.count)) {
                into = null;
            }
            if (into == null && !acronym) {
                into = starts.get(entry.getKey());
                if (into != null && name.words == 1 && into.count * SURNAME_RATIO < name.count) {
                    into = null;
                }
            }
            if (into == null) {
                into = qualified.get(entry.getKey());
            }
            if (into != null) {
                into.absorb(name);
                continue;
            }
            merged.add(name);
            List<String> words = List.of(entry.getKey().split(" "));
            int qualifier = words.indexOf("of");
            int head = qualifier > 0 ? qualifier : words.size();
            for (int from = 1; from < head; from++) {
                List<String> given = words.subList(0, from);
                for (String end : head < words.size()
                        ? List.of(String.join(" ", words.subList(from, head)), String.join(" ", words.subList(from, words.size())))
                        : List.of(String.join(" ", words.subList(from, head)))) {
                    if (mayStandFor(given, name, names.get(end), names, evidence)) {
                        ends.merge(end, name, KeyNames::likelier);
                    }
                }
            }
            for (int to = 1; to < words.size(); to++) {
                String start = String.join(" ", words.subList(0, to));
                if (to == qualifier) {
                    qualified.merge(start, name, KeyNames::likelier);
                } else if (!PARTICLES.contains(words.get(to - 1))
                        && mayStandFor(words.subList(to, words.size()), name, names.get(start), names, evidence)) {
                    starts.merge(start, name, KeyNames::likelier);
                }
            }
        }
        return merged;
    }

    /**
     * Whether a name without these words of it is still the same name: they look like given
     * names ("Benjamin" before "Netanyahu", "Mae" after "Fannie"), and are no name mentioned on
     * their own more often than the whole ("London" before "Tory"). Common words and nouns of
     * bodies are allowed when the whole is mentioned at least a third as often as the part: the
     * part is then its short form ("Georges" for "Hurricane Georges", "Everest" for "Mount
     * Everest"), not a name of its own that a rarer one contains ("Christmas" in "Father
     * Christmas").
     */
    private static boolean mayStandFor(List<String> rest, Name whole, Name part, Map<String, Name> names,
            Evidence evidence) {
        Name alone = names.get(String.join(" ", rest));
        if (part == null || alone != null && alone.count > whole.count) {
            return false;
        }
        boolean shortForm = whole.count * SHORT_FORM_RATIO >= part.count;
        for (String word : rest) {
            if (PARTICLES.contains(word)) {
                continue;
            }
            if (evidence.isAcronym(word) || isTitle(word) || PLACE_ADJECTIVES.contains(capitalized(word))
                    || Terms.isStopWord(word) || !shortForm && (evidence.isCommon(word) || HEADS.contains(word))) {
                return false;
            }
        }
        return true;
    }

    private static String capitalized(String lower) {
        return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }

    /** Of two longer names a short one may stand for, the one mentioned more; the longer if even. */
    private static Name likelier(Name first, Name second) {
        return second.count > first.count ? second : first;
    }

    /** One name with the ways it was written and how often, and the names merged into it. */
    private static final class Name {
        private final int words;
        private final int order;
        private final Map<String, Integer> forms = new LinkedHashMap<>();
        private int count;

        Name(int words, int order) {
            this.words = words;
            this.order = order;
        }

        void add(String form) {
            forms.merge(form, 1, Integer::sum);
            count++;
        }

        void absorb(Name other) {
            count += other.count;
        }

        /** The commonest way of writing it; the first seen among equals. */
        String form() {
            return forms.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /**
     * A sentence's words and tags, with "al-Sudani" one word, and which words stand where any word
     * would be capitalized: first in the sentence or inside quotation marks.
     */
    private record Words(List<String> words, List<String> tags, boolean[] opening, String[] bare, String[] lower) {

        /**
         * "al-Sudani" is one word to a reader but three tokens to the tokenizer; parts that touch
         * across a hyphen are joined, and the word takes the tag of its last part.
         */
        static Words of(Sentence sentence, List<String> tags) {
            List<Token> tokens = sentence.tokens();
            int size = Math.min(tokens.size(), tags.size());
            List<String> words = new ArrayList<>(size);
            List<String> wordTags = new ArrayList<>(size);
            for (int t = 0; t < size; t++) {
                StringBuilder word = new StringBuilder(tokens.get(t).text());
                String tag = tags.get(t);
                while (t + 2 < size && tokens.get(t + 1).text().equals("-") && tokens.get(t + 1).start() == tokens.get(t).end()
                        && tokens.get(t + 2).start() == tokens.get(t + 1).end()) {
                    word.append('-').append(tokens.get(t + 2).text());
                    tag = tags.get(t + 2);
                    t += 2;
                }
                words.add(word.toString());
                wordTags.add(tag);
            }
            boolean[] opening = new boolean[words.size()];
            String[] bare = new String[words.size()];
            String[] lower = new String[words.size()];
            boolean next = true;
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                if (Sentence.isWord(word)) {
                    opening[w] = next;
                    next = false;
                } else if (OPENERS.contains(word)) {
                    next = true;
                }
                bare[w] = KeyNames.bare(word);
                lower[w] = bare[w].toLowerCase(Locale.ROOT);
            }
            return new Words(words, wordTags, opening, bare, lower);
        }

        /** @return the word without a possessive ending */
        String bare(int w) {
            return bare[w];
        }

        /** @return the word without a possessive ending, lower-cased */
        String lower(int w) {
            return lower[w];
        }

        int size() {
            return words.size();
        }

        String word(int w) {
            return words.get(w);
        }

        String tag(int w) {
            return tags.get(w);
        }

        /** Most of its words in capitals: a line that shouts, where capitals tell nothing. */
        boolean shouts() {
            int letters = 0;
            int capitals = 0;
            for (String word : words) {
                if (letters(word) >= 2) {
                    letters++;
                    if (isAllCaps(word)) {
                        capitals++;
                    }
                }
            }
            return capitals >= 3 && capitals * 2 >= letters;
        }
    }

    /**
     * How the texts write each word: in lower case, and capitalized where a sentence does not
     * make it so. Keyed as names are, so "U.N." and "UN" are one word.
     */
    private static final class Evidence {
        private final Map<String, int[]> counts = new HashMap<>();
        private final Set<String> acronyms = new java.util.HashSet<>();
        private final Set<String> pairs = new java.util.HashSet<>();

        void add(Words words) {
            for (int w = 0; w < words.size(); w++) {
                String word = words.bare(w);
                if (word.isEmpty() || !Character.isLetter(word.codePointAt(0))) {
                    continue;
                }
                boolean lower = !isCapitalizedWord(word);
                if (lower || !words.opening()[w]) {
                    counts.computeIfAbsent(key(word), k -> new int[2])[lower ? 0 : 1]++;
                }
                if (isAllCaps(word) || isAcronymPlural(word)) {
                    acronyms.add(key(word));
                }
                if (!lower && !words.opening()[w] && w + 1 < words.size() && isCapitalizedWord(words.bare(w + 1))) {
                    pairs.add(words.lower(w) + " " + words.lower(w + 1));
                }
            }
        }

        /** @return how often the word is written in lower case; never for acronyms: "US" is not "us" */
        int lower(String word) {
            int[] count = counts.get(key(word));
            return count == null || isAllCaps(word) ? 0 : count[0];
        }

        /** @return how often the word is capitalized where nothing else calls for a capital */
        int capitalized(String word) {
            int[] count = counts.get(key(word));
            return count == null ? 0 : count[1];
        }

        /** @return whether the texts write the word as an acronym: "BBC", "TV", "MPs" */
        boolean isAcronym(String word) {
            return acronyms.contains(key(word));
        }

        /** @return whether the texts write these two words capitalized one after the other inside a sentence */
        boolean isPairInside(String first, String second) {
            return pairs.contains(first + " " + second);
        }

        /** A word the texts write in lower case too: "bank", "shares". */
        boolean isCommon(String word) {
            return lower(word) > 0;
        }

        /** A word the texts use as an ordinary word at least about as often as as a name. */
        boolean isMostlyCommon(String word) {
            return lower(word) > 0 && capitalized(word) < NAME_TO_COMMON_RATIO * lower(word);
        }
    }

    /** Finds the names of one sentence. */
    private static final class Finder {
        private final Words words;
        private final Evidence evidence;
        private final boolean[] workTitle;
        private final boolean[] nameWord;
        private final List<List<String>> names = new ArrayList<>();

        Finder(Words words, Evidence evidence) {
            this.words = words;
            this.evidence = evidence;
            this.workTitle = workTitles(words);
            this.nameWord = nameWords();
        }

        List<List<String>> names() {
            if (words.shouts()) {
                return names;
            }
            List<Integer> run = new ArrayList<>();
            for (int w = 0; w <= words.size(); w++) {
                if (w < words.size()) {
                    String token = words.word(w);
                    boolean possessive = token.length() != words.bare(w).length() || isPluralPossessive(token)
                            && !(w + 1 < words.size() && nameWord[w + 1] && HEADS.contains(words.lower(w + 1)));
                    if (nameWord[w] || !run.isEmpty() && joins(run, w)) {
                        run.add(w);
                        if (!possessive) {
                            continue;
                        }
                    }
                }
                if (!run.isEmpty()) {
                    refine(run);
                    run.clear();
                }
            }
            return names;
        }

        /**
         * Capitalized words the tagger calls proper nouns and, inside a sentence, capitalized nouns
         * ("in Brussels", which it may take for one) and capitalized adjectives and verbs next to
         * another capitalized word ("European Union", "Supreme Court", "Sir Ben Key", whose name it
         * takes for a verb) or joined to one ("Department of Health", "Securities and Exchange
         * Commission"); a lone adjective is a nationality.
         */
        private boolean[] nameWords() {
            int size = words.size();
            boolean[] capital = new boolean[size];
            for (int w = 0; w < size; w++) {
                String word = words.bare(w);
                String tag = words.tag(w);
                capital[w] = !workTitle[w] && isCapitalizedWord(word) && !isDerived(word) && (tag.equals("PROPN") || afterTitle(w)
                        || !words.opening()[w] && (tag.equals("NOUN") || tag.equals("ADJ") || tag.equals("VERB")));
            }
            boolean[] name = new boolean[size];
            for (int w = 0; w < size; w++) {
                String tag = words.tag(w);
                name[w] = capital[w] && (tag.equals("PROPN") || tag.equals("NOUN") || afterTitle(w)
                        || w > 0 && capital[w - 1] || w + 1 < size && capital[w + 1]
                        || w + 2 < size && CONNECTORS.contains(words.word(w + 1)) && capital[w + 2]);
            }
            return name;
        }

        /**
         * Right after a title, whatever the tagger says: it takes the full stop the tokenizer cut
         * from "Mrs." for the end of a sentence, and "Albright" for an adjective.
         */
        private boolean afterTitle(int w) {
            int previous = w - 1;
            if (previous > 0 && words.word(previous).equals(".")) {
                previous--;
            }
            return previous >= 0 && isTitle(words.lower(previous));
        }

        /**
         * A particle joins when a name follows: "Reserve Bank of New Zealand", "Ursula von der
         * Leyen". "for" and "and" join only inside the name of a body: "Lisbon Institute for
         * Economic Policy", "Securities and Exchange Commission", "Department of Health and Human
         * Services", but not "Israel and Egypt".
         */
        private boolean joins(List<Integer> run, int w) {
            String word = words.word(w);
            int next = w + 1;
            if (PARTICLES.contains(word)) {
                while (next < words.size() && PARTICLES.contains(words.word(next))) {
                    next++;
                }
                return next < words.size() && nameWord[next];
            }
            if (next >= words.size() || !nameWord[next]) {
                return false;
            }
            int previous = run.get(run.size() - 1);
            if (word.equals("for")) {
                return HEADS.contains(words.lower(previous));
            }
            if (word.equals("and") || word.equals("&")) {
                // after a common noun ("Food and Agriculture Organization") or a body's first word
                // ("Securities and Exchange Commission"), not after "Canadian" in "Canadian and United States"
                String tag = words.tag(previous);
                boolean common = tag.equals("NOUN") || tag.equals("PROPN") && evidence.isCommon(words.bare(previous));
                return common && (endsInHead(next) || bodyWithQualifier(run))
                        || tag.equals("PROPN") && run.size() == 1 && endsInHead(next);
            }
            return false;
        }

        /** Whether the run of name words from {@code w} ends with the noun of a body: "Exchange Commission". */
        private boolean endsInHead(int w) {
            int last = w;
            while (last + 1 < words.size() && nameWord[last + 1]) {
                last++;
            }
            return HEADS.contains(words.lower(last));
        }

        /** "Department of Health", "Organisation for Economic Co-operation": a body named for its field. */
        private boolean bodyWithQualifier(List<Integer> run) {
            for (int i = 0; i + 1 < run.size(); i++) {
                String next = words.word(run.get(i + 1));
                if (HEADS.contains(words.lower(run.get(i))) && (next.equals("of") || next.equals("for"))) {
                    return true;
                }
            }
            return false;
        }

        /** Cuts a run of capitalized words into the names it holds, without titles, dates and fragments. */
        private void refine(List<Integer> run) {
            List<List<Integer>> parts = new ArrayList<>();
            List<Integer> part = new ArrayList<>();
            boolean afterTitle = false;
            for (int i = 0; i < run.size(); i++) {
                int w = run.get(i);
                String lower = words.lower(w);
                if (lower.equals("of") && !part.isEmpty() && !HEADS.contains(words.lower(part.get(part.size() - 1)))) {
                    // "Benjamin Netanyahu of Israel" names a man and a country
                    afterTitle = isTitle(words.lower(part.get(part.size() - 1)));
                    parts.add(part);
                    part = new ArrayList<>();
                    continue;
                }
                if (afterTitle && part.isEmpty() && (HEADS.contains(lower) || evidence.isCommon(lower))) {
                    continue; // "Secretary of State Madeleine Albright": "of State" is the title's
                }
                afterTitle = false;
                if (!part.isEmpty() && HEADS.contains(words.lower(part.get(part.size() - 1))) && i + 1 < run.size()
                        && givenName(w) && givenName(run.get(i + 1))) {
                    // "the Environmental Audit Committee Peter Ainsworth MP": a comma went missing
                    parts.add(part);
                    part = new ArrayList<>();
                }
                if (i > 0 && i + 1 < run.size() && TITLES.contains(withoutStop(lower)) && !part.isEmpty()) {
                    // "San Juan Mayor Sila Calderon": a place, then a person; "Housing Secretary" belongs to neither
                    while (!part.isEmpty() && modifiesTitle(part.get(part.size() - 1))) {
                        part.remove(part.size() - 1);
                    }
                    parts.add(part);
                    part = new ArrayList<>();
                }
                part.add(w);
            }
            parts.add(part);
            for (List<Integer> candidate : parts) {
                List<String> name = trim(candidate);
                if (!name.isEmpty() && isName(name)) {
                    names.add(name);
                }
            }
        }

        /** A word that may be part of a person's name: no common word, noun of a body or acronym. */
        private boolean givenName(int w) {
            String word = words.bare(w);
            return words.tag(w).equals("PROPN") && !evidence.isCommon(word) && !HEADS.contains(words.lower(w))
                    && !isAllCaps(word) && !isTitle(words.lower(w));
        }

        /** A word between a place and a title that belongs to the title: "Housing" in "Housing Secretary". */
        private boolean modifiesTitle(int w) {
            String word = words.bare(w);
            return !words.tag(w).equals("PROPN") || evidence.isCommon(word) || isTitle(word.toLowerCase(Locale.ROOT));
        }

        private List<String> trim(List<Integer> part) {
            List<Integer> kept = new ArrayList<>(part);
            boolean changed = true;
            while (changed && !kept.isEmpty()) {
                changed = false;
                int first = kept.get(0);
                String lower = words.lower(first);
                if (isCalendar(words.bare(first)) || PARTICLES.contains(words.word(first)) || TITLES.contains(withoutStop(lower))
                        || isTitleAbbreviation(words.bare(first))
                        || TITLES_BEFORE_FULL_NAMES.contains(lower) && kept.size() > 2
                        || words.opening()[first] && kept.size() > 1 && opensOnly(first, kept.get(1))
                        || leadingModifier(kept)) {
                    kept.remove(0);
                    changed = true;
                    continue;
                }
                int last = kept.get(kept.size() - 1);
                if (isCalendar(words.bare(last)) || PARTICLES.contains(words.word(last))
                        || kept.size() > 1 && last + 1 < words.size() && words.tag(last + 1).equals("NUM")
                                && evidence.isCommon(words.bare(last))) {
                    // "Wye River Memorandum Oct.", "Swissair Flight 111": a date or a number label is no part of it
                    kept.remove(kept.size() - 1);
                    changed = true;
                }
            }
            List<String> name = new ArrayList<>(kept.size());
            for (int w : kept) {
                String word = words.bare(w);
                if (w == kept.get(kept.size() - 1) && isPluralPossessive(word)) {
                    word = word.substring(0, word.length() - 1);
                }
                // the tokenizer takes the last full stop of "U.N." at the end of a sentence for the sentence's,
                // and leaves the sentence's on "LA."
                if (INITIALS_WITHOUT_LAST_STOP.matcher(word).matches()) {
                    word = word + ".";
                } else if (word.endsWith(".") && word.indexOf('.') == word.length() - 1 && isAllCaps(word)) {
                    word = word.substring(0, word.length() - 1);
                }
                name.add(word);
            }
            return name;
        }

        /**
         * A sentence's first word that the texts also write in lower case, at least about as often
         * as with a capital inside a sentence ("Police" in "Police Chief Ian Blair said"), or a
         * function word; unless they write it capitalized with the same next word inside a
         * sentence too ("on behalf of Region Norrbotten").
         */
        private boolean opensOnly(int first, int second) {
            String word = words.bare(first);
            return (evidence.isMostlyCommon(word) || Terms.isStopWord(words.lower(first)))
                    && !evidence.isPairInside(words.lower(first), words.lower(second));
        }

        /**
         * A capitalized adjective before a name belongs to it only when the name goes on with a
         * common word or the noun of a body: "Supreme Court", "European Union", but not "American
         * Serena Williams" or "Israeli Prime Minister Benjamin Netanyahu"; alone it is a nationality.
         */
        private boolean leadingModifier(List<Integer> kept) {
            int first = kept.get(0);
            if (!words.tag(first).equals("ADJ") || afterTitle(first)
                    || PLACE_ADJECTIVES.contains(words.bare(first)) && kept.size() > 1) {
                return false;
            }
            if (kept.size() == 1) {
                return true;
            }
            for (int i = 1; i < kept.size(); i++) {
                String lower = words.lower(kept.get(i));
                if (isTitle(lower)) {
                    return true;
                }
                if (HEADS.contains(lower)) {
                    return false;
                }
            }
            int next = kept.get(1);
            return words.tag(next).equals("PROPN") && !evidence.isCommon(words.lower(next));
        }

        private boolean isName(List<String> name) {
            if (name.size() > 1) {
                // "PREVIOUS INSTRUCTIONS" shouts; "Chief Executive" is a title without a name
                return !name.stream().allMatch(KeyNames::isAllCaps)
                        && !name.stream().allMatch(word -> isTitle(word.toLowerCase(Locale.ROOT)));
            }
            String word = name.get(0);
            String lower = word.toLowerCase(Locale.ROOT);
            if (isAllCaps(word)) {
                return true; // "ECB", "US": capitals that no sentence start explains, and no common word
            }
            if (letters(word) < 2 || Terms.isStopWord(lower) || isTitle(lower) || HEADS.contains(lower)
                    || PLACE_ABBREVIATIONS.contains(withoutStop(lower)) || isAcronymPlural(word)) {
                return false; // "PCs" are computers, not a company
            }
            // a name is capitalized inside a sentence somewhere, and seldom written in lower case
            return evidence.capitalized(word) > 0 && !evidence.isMostlyCommon(word);
        }


        /**
         * Words inside the title of a song, book or film: a function word capitalized in
         * mid-sentence ("include What a Girl Wants") opens one, which runs on through capitalized
         * words and the small words between them, and back through capitalized words. A list it
         * opens is a list of titles: "What a Girl Wants, Dirrty and Beautiful".
         */
        private static boolean[] workTitles(Words words) {
            boolean[] inside = new boolean[words.size()];
            for (int w = 0; w < words.size(); w++) {
                String word = words.word(w);
                if (words.opening()[w] || word.length() < 2 || !isCapitalizedWord(word) || isAllCaps(word)
                        || !FUNCTION_TAGS.contains(words.tag(w)) || !Terms.isStopWord(word.toLowerCase(Locale.ROOT))
                        || TITLES.contains(word.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                inside[w] = true;
                for (int back = w - 1; back >= 0 && isCapitalizedWord(words.word(back)) && !words.opening()[back]; back--) {
                    inside[back] = true;
                }
                for (int on = w + 1; on < words.size(); on++) {
                    String next = words.word(on);
                    boolean small = Terms.isStopWord(next) && FUNCTION_TAGS.contains(words.tag(on));
                    boolean listed = (next.equals(",") || next.equals("and") || next.equals("or")) && on + 1 < words.size()
                            && isCapitalizedWord(words.word(on + 1)) && !words.opening()[on + 1];
                    if (!isCapitalizedWord(next) && !small && !listed) {
                        break;
                    }
                    inside[on] = true;
                }
            }
            return inside;
        }
    }

    /** The word without a possessive ending, which closes a name: "Ukraine’s Black Sea ports" names two things. */
    private static String bare(String word) {
        int length = word.length();
        boolean possessive = length > 2 && word.charAt(length - 1) == 's' && isApostrophe(word.charAt(length - 2));
        return possessive ? word.substring(0, length - 2) : word;
    }

    /**
     * A plural's possessive, which closes a name ("The Producers' Nathan Lane") unless the noun of
     * a body follows: "Rotterdam Terminal Employers’ Association".
     */
    private static boolean isPluralPossessive(String word) {
        int length = word.length();
        return length > 2 && isApostrophe(word.charAt(length - 1)) && word.charAt(length - 2) == 's';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }

    private static boolean isTitle(String lower) {
        String plain = withoutStop(lower);
        return TITLES.contains(plain) || TITLES_BEFORE_FULL_NAMES.contains(plain);
    }

    private static String withoutStop(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    /** "Mr.", "Gov.", "Lt.": a capital, at most three small letters and a full stop; "St." excepted. */
    private static boolean isTitleAbbreviation(String word) {
        if (!word.endsWith(".") || word.length() < 3 || word.length() > 5 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        String letters = word.substring(1, word.length() - 1);
        String lower = word.substring(0, word.length() - 1).toLowerCase(Locale.ROOT);
        return letters.chars().allMatch(Character::isLowerCase) && !PLACE_ABBREVIATIONS.contains(lower)
                && !"jr".equals(lower) && !"sr".equals(lower) && !"co".equals(lower);
    }

    private static boolean isCalendar(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean stop = lower.endsWith(".");
        String plain = stop ? lower.substring(0, lower.length() - 1) : lower;
        return CALENDAR.contains(plain) || CALENDAR_SHORT.contains(plain) || stop && CALENDAR_SHORT_WITH_STOP.contains(plain);
    }

    /** "PCs", "MPs": more than one of a thing an acronym names. */
    private static boolean isAcronymPlural(String word) {
        return word.length() > 2 && word.endsWith("s") && isAllCaps(word.substring(0, word.length() - 1));
    }

    /** "New York-based", "Paris-born": an adjective made of a name. */
    private static boolean isDerived(String word) {
        int hyphen = word.lastIndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.length() && Character.isLowerCase(word.charAt(hyphen + 1));
    }

    /** "Exxon", "NATO", and "al-Sudani", whose article is written small. */
    private static boolean isCapitalizedWord(String word) {
        return !word.isEmpty() && (Character.isUpperCase(word.codePointAt(0))
                || word.startsWith("al-") && word.length() > 3 && Character.isUpperCase(word.codePointAt(3)));
    }

    /** Two letters or more, none of them small: "NATO", "PREVIOUS". */
    private static boolean isAllCaps(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    private static int letters(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
