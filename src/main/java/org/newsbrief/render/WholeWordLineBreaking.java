package org.newsbrief.render;

import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.DefaultLineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * The renderer's usual line breaking, except that a hyphenated word ("right-to-repair",
 * "3,542-mile") is never split across lines. A reader keeps the compound whole, and so does text
 * copied or extracted from the PDF, which would otherwise read "right- to-repair".
 */
final class WholeWordLineBreaking implements LineBreakingStrategy {

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
        char hyphen = text.charAt(position - 1);
        return (hyphen == '-' || hyphen == '\u2010')
                && Character.isLetterOrDigit(text.charAt(position - 2))
                && Character.isLetterOrDigit(text.charAt(position));
    }
}
