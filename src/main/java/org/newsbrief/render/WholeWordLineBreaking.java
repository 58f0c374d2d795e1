package org.newsbrief.render;

import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.DefaultLineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * The renderer's usual line breaking, except that a hyphenated word ("right-to-repair",
 * "3,542-mile") or one with an apostrophe ("Agency’s") is never split across lines. A reader keeps the compound whole, and so does text
 * copied or extracted from the PDF, which would otherwise read "right- to-repair".
 */
final class WholeWordLineBreaking implements LineBreakingStrategy {

    /** Hyphens and apostrophes: "right-to-repair", "Agency’s" and "don't" stay whole. */
    private static final String JOINERS = "-\u2010\u2019'";

    private final LineBreakingStrategy standard = new DefaultLineBreakingStrategy();

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String language, CalculatedStyle style) {
        BreakPointsProvider points = standard.getBreakPointsProvider(text, language, style);
        return () -> {
            BreakPoint point = points.next();
            while (point.getPosition() > 0 && isInsideHyphenatedWord(text, point.getPosition())) {
                point = points.next();
            }
            return point;
        };
    }

    private static boolean isInsideHyphenatedWord(String text, int position) {
        if (position < 2 || position >= text.length()) {
            return false;
        }
        char joiner = text.charAt(position - 1);
        return JOINERS.indexOf(joiner) >= 0
                && Character.isLetterOrDigit(text.charAt(position - 2))
                && Character.isLetterOrDigit(text.charAt(position));
    }
}
