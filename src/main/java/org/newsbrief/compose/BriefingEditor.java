package org.newsbrief.compose;

import java.util.Objects;
import java.util.Optional;
import org.newsbrief.events.RunLog;

/**
 * The stage between composing and rendering that may rewrite a composed briefing's stories, such
 * as a language model writing their summaries from the reports. A run chooses its editor once:
 * {@link #identity()} when nothing is to be edited.
 */
public interface BriefingEditor {

    /**
     * Edits a composed briefing: same stories (by {@link Story#id()}), possibly rewritten.
     *
     * @param composition the briefing and each story's reports
     * @param log receives the editor's progress and every problem it worked around
     * @return the edited briefing with the same reports, and what the editor did
     */
    Edited edit(BriefingComposer.Composition composition, RunLog log);

    /**
     * @return an editor that gives back the composition it is given, the very same object, and no
     *     report
     */
    static BriefingEditor identity() {
        return (composition, log) -> new Edited(composition, Optional.empty());
    }

    /**
     * What an edit gave.
     *
     * @param composition the result
     * @param report what the editor did, for {@code --report}; empty for {@link #identity()}
     */
    record Edited(BriefingComposer.Composition composition, Optional<EditReport> report) {

        public Edited {
            Objects.requireNonNull(composition, "composition");
            Objects.requireNonNull(report, "report");
        }
    }
}
