package org.newsbrief.compose;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.newsbrief.nlp.AnalyzedArticle;

/**
 * Chooses a story's section from its words with a trained {@link SectionModel}, for stories whose
 * input names none. The model is a multinomial logistic regression (L2-regularized, fitted with
 * L-BFGS: Liu and Nocedal, 1989) whose weights are added to a multinomial naive Bayes' log
 * probabilities (McCallum and Nigam, 1998), over tf-idf vectors of words and word pairs; see
 * {@code newsbrief train sections} and the provenance at the head of the model file.
 *
 * <p>A classifier holds no state besides its model, so one instance serves any number of threads.
 */
public final class SectionClassifier {

    /** The section of a story the model cannot place. */
    public static final String OTHER = "News";

    private static volatile SectionClassifier shipped;

    private final SectionModel model;
    /** A stemmer is not thread-safe, so each thread has its own, with the stems it remembers. */
    private final ThreadLocal<SectionFeatures> features = ThreadLocal.withInitial(SectionFeatures::new);

    /** @param model the trained model */
    public SectionClassifier(SectionModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @return the classifier over the model shipped with newsbrief, made on first use and shared
     * @throws java.io.UncheckedIOException naming the resource when it cannot be read
     */
    public static SectionClassifier shipped() {
        SectionClassifier classifier = shipped;
        if (classifier == null) {
            synchronized (SectionClassifier.class) {
                classifier = shipped;
                if (classifier == null) {
                    classifier = new SectionClassifier(SectionModel.shipped());
                    shipped = classifier;
                }
            }
        }
        return classifier;
    }

    /** @return the sections this classifier chooses among */
    public List<String> sections() {
        return model.sections();
    }

    /**
     * @param title the story's headline, or empty
     * @param text its body
     * @return the model's score for each of {@link #sections()}; the highest wins
     */
    public double[] scores(String title, String text) {
        return model.scores(features.get().of(title, text));
    }

    /**
     * @param terms a story's terms and their counts, from {@link SectionFeatures}
     * @return the model's score for each of {@link #sections()}
     */
    public double[] scores(Map<String, Integer> terms) {
        return model.scores(terms);
    }

    /**
     * @param title the story's headline, or empty
     * @param text its body
     * @return the section whose score is highest
     */
    public String section(String title, String text) {
        return section(title, text, model.sections());
    }

    /**
     * @param title the story's headline, or empty
     * @param text its body
     * @param among the sections that may be chosen, some of {@link #sections()}
     * @return the one of them whose score is highest
     * @throws IllegalArgumentException when {@code among} holds none of the model's sections
     */
    public String section(String title, String text, Collection<String> among) {
        return best(scores(title, text), among);
    }

    /**
     * The section of a story made of several reports. The model learned from English news, so a
     * story none of whose reports is English (as detected; undetermined counts as English), or
     * whose words the model does not know at all, goes to {@value #OTHER}.
     *
     * @param reports the reports of one story
     * @return the section the words of their titles and texts point to, or {@value #OTHER}
     */
    public String section(List<AnalyzedArticle> reports) {
        StringBuilder titles = new StringBuilder();
        StringBuilder texts = new StringBuilder();
        boolean english = false;
        for (AnalyzedArticle report : reports) {
            titles.append(report.title()).append('\n');
            texts.append(report.text()).append('\n');
            english |= report.language().equals("eng") || report.language().equals("und");
        }
        Map<String, Integer> terms = features.get().of(titles.toString(), texts.toString());
        if (!english || !model.knowsAny(terms.keySet())) {
            return OTHER;
        }
        return best(model.scores(terms), model.sections());
    }

    /**
     * @param scores one score per section of {@link #sections()}
     * @param among the sections that may be chosen
     * @return the one of them with the highest score; of equal scores, the first in the model's order
     * @throws IllegalArgumentException when {@code among} holds none of the model's sections
     */
    public String best(double[] scores, Collection<String> among) {
        Objects.requireNonNull(among, "among");
        List<String> sections = model.sections();
        int best = -1;
        for (int s = 0; s < sections.size(); s++) {
            if (among.contains(sections.get(s)) && (best < 0 || scores[s] > scores[best])) {
                best = s;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("among must name some of the model's sections " + sections + ", was " + among);
        }
        return sections.get(best);
    }
}
