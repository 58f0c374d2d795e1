package org.newsbrief.flink;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.newsbrief.ingest.NearDuplicates;

/**
 * The keyed step of the near-duplicate search: all articles that share a band key meet here, and
 * each arriving article is compared with those that came before it under the key. A pair is
 * compared only under the first band its signatures share, so once, and decided exactly by
 * {@link NearDuplicates#near}, the test the command line's reading applies.
 *
 * <p>In a batch the state of one key lives only while that key is worked on. Watching a folder, it
 * lives as long as it is kept ({@code keep}), so that copies are found across that long a span
 * (a day of news, say) in bounded state.
 */
final class CandidatePairs extends KeyedProcessFunction<Long, Banded, Link> {

    private final Duration keep;
    private transient ListState<Fingerprint> seen;

    /** @param keep how long an article stays comparable, or {@code null} for as long as the job runs */
    CandidatePairs(Duration keep) {
        this.keep = keep;
    }

    @Override
    public void open(OpenContext context) {
        ListStateDescriptor<Fingerprint> descriptor = new ListStateDescriptor<>("seen", Fingerprint.class);
        if (keep != null) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(keep).build());
        }
        seen = getRuntimeContext().getListState(descriptor);
    }

    @Override
    public void processElement(Banded arriving, Context context, Collector<Link> out) throws Exception {
        Fingerprint print = arriving.print();
        for (Fingerprint earlier : seen.get()) {
            if (MinHash.firstSharedBand(print.signature(), earlier.signature()) == arriving.band()
                    && NearDuplicates.near(print.shingles(), earlier.shingles())) {
                boolean before = earlier.origin().compareTo(print.origin()) < 0;
                out.collect(before ? new Link(earlier.origin(), print.origin()) : new Link(print.origin(), earlier.origin()));
            }
        }
        seen.add(print);
    }
}
