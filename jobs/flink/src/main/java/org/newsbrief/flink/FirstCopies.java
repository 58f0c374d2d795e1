package org.newsbrief.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Closes the near-duplicate links into groups, as the command line's reading does (a copy of a
 * copy is one story), and marks each article of a group but the first with the first one's id:
 * {@code {"id": ..., "copyOf": ...}}.
 *
 * <p>Only links reach this step, one per pair of copies, never articles, so one instance serves
 * a whole day of news. In a batch it marks when the input has ended, once per copy. Watching a
 * folder it marks as links arrive; when a later article joins two groups, the copies of the later
 * group are marked again with the earlier group's first, and the last mark of an id is the one
 * that holds.
 */
final class FirstCopies extends KeyedProcessFunction<Integer, Link, String> {

    /** The one key every link is filed under. */
    static final int ALL = 0;

    private final boolean bounded;
    private transient MapState<Origin, Origin> parent;
    private transient MapState<Origin, Origin> marked;

    /** @param bounded whether the input ends, so that marks wait for the end */
    FirstCopies(boolean bounded) {
        this.bounded = bounded;
    }

    @Override
    public void open(OpenContext context) {
        parent = getRuntimeContext().getMapState(new MapStateDescriptor<>("parent", Origin.class, Origin.class));
        marked = getRuntimeContext().getMapState(new MapStateDescriptor<>("marked", Origin.class, Origin.class));
    }

    @Override
    public void processElement(Link link, Context context, Collector<String> out) throws Exception {
        Origin a = root(link.first());
        Origin b = root(link.second());
        if (!a.equals(b)) {
            // The earlier root stays the root, so a group's root is always its first article.
            if (a.compareTo(b) < 0) {
                parent.put(b, a);
            } else {
                parent.put(a, b);
            }
        }
        if (bounded) {
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        } else {
            mark(out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<String> out) throws Exception {
        mark(out);
    }

    /** Writes the mark of every copy whose first copy is not the one it was last marked with. */
    private void mark(Collector<String> out) throws Exception {
        List<Origin> members = new ArrayList<>();
        parent.keys().forEach(members::add);
        for (Origin member : members) {
            Origin first = root(member);
            if (!first.equals(member) && !first.equals(marked.get(member))) {
                marked.put(member, first);
                out.collect("{\"id\":" + member.id() + ",\"copyOf\":" + first.id() + "}");
            }
        }
    }

    /** The group's first article, with the path to it shortened on the way. */
    private Origin root(Origin origin) throws Exception {
        if (!parent.contains(origin)) {
            parent.put(origin, origin);
            return origin;
        }
        Origin up = parent.get(origin);
        if (up.equals(origin)) {
            return origin;
        }
        Origin top = root(up);
        if (!top.equals(up)) {
            parent.put(origin, top);
        }
        return top;
    }
}
