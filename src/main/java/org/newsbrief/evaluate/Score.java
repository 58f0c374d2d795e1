package org.newsbrief.evaluate;

/**
 * Precision, recall and their harmonic mean.
 *
 * @param precision matched units over the candidate's units
 * @param recall matched units over the reference's units
 * @param f1 the harmonic mean of the two, 0 when both are 0
 */
record Score(double precision, double recall, double f1) {

    /** The score of a summary that matches nothing. */
    public static final Score ZERO = new Score(0, 0, 0);

    /**
     * @param matched units found in both
     * @param candidateUnits units in the candidate
     * @param referenceUnits units in the reference
     * @return the score, 0 where a count is 0
     */
    static Score of(double matched, int candidateUnits, int referenceUnits) {
        double precision = candidateUnits == 0 ? 0 : matched / candidateUnits;
        double recall = referenceUnits == 0 ? 0 : matched / referenceUnits;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1);
    }
}
