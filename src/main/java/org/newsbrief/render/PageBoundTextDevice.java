package org.newsbrief.render;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * The renderer's PDF output, except that a line of text is written only on the page that holds it.
 * The renderer paints a line on every page its glyphs' box touches and clips each page to its
 * content box; a line at the top of a page whose glyphs reach a hair above it (a heading moved to
 * the next page by {@code page-break-inside: avoid}, say) is also written on the page before, below
 * the bottom margin. The clip hides it there, but search, copying and screen readers still find
 * it. A line belongs to the page its baseline is on, so text whose baseline lies outside the area
 * being painted is left out, and so is the link area of such a line. Outside the content box (the
 * running head, the page number) nothing is clipped and everything is written.
 */
final class PageBoundTextDevice extends ITextOutputDevice {

    PageBoundTextDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (isInsideClip(y)) {
            super.drawString(s, x, y, info);
        }
    }

    @Override
    public void paintBackground(RenderingContext c, Box box) {
        // also where a link's clickable area is made
        if (!(box instanceof InlineLayoutBox inline) || isInsideClip(inline.getAbsY() + inline.getBaseline())) {
            super.paintBackground(c, box);
        }
    }

    private boolean isInsideClip(float baseline) {
        Shape clip = getClip();
        if (clip == null) {
            return true;
        }
        Rectangle2D bounds = clip.getBounds2D();
        return baseline >= bounds.getMinY() && baseline <= bounds.getMaxY();
    }
}
