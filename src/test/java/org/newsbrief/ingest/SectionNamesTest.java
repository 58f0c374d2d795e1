package org.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionNamesTest {

    @Test
    void synonymsOfKnownSectionsBecomeTheirDisplayNames() {
        assertThat(SectionNames.displayName("sports")).isEqualTo("Sport");
        assertThat(SectionNames.displayName("Sci/Tech")).isEqualTo("Science and technology");
        assertThat(SectionNames.displayName("tech")).isEqualTo("Science and technology");
        assertThat(SectionNames.displayName("Science & Technology")).isEqualTo("Science and technology");
        assertThat(SectionNames.displayName("entertainment")).isEqualTo("Culture and entertainment");
        assertThat(SectionNames.displayName("Arts")).isEqualTo("Culture and entertainment");
        assertThat(SectionNames.displayName("markets")).isEqualTo("Business");
        assertThat(SectionNames.displayName("Economy")).isEqualTo("Business");
        assertThat(SectionNames.displayName("World News")).isEqualTo("World");
        assertThat(SectionNames.displayName("international")).isEqualTo("World");
        assertThat(SectionNames.displayName(" POLITICS ")).isEqualTo("Politics");
        assertThat(SectionNames.displayName("health")).isEqualTo("Health");
    }

    @Test
    void otherNamesAreKeptTrimmedWithACapital() {
        assertThat(SectionNames.displayName("  local news ")).isEqualTo("Local news");
        assertThat(SectionNames.displayName("Opinion")).isEqualTo("Opinion");
        assertThat(SectionNames.displayName("élections 2026")).isEqualTo("Élections 2026");
        assertThat(SectionNames.known("Opinion")).isEmpty();
        assertThat(SectionNames.known("news")).isEmpty();
    }

    @Test
    void blankNamesAreNoSection() {
        assertThat(SectionNames.displayName(null)).isEmpty();
        assertThat(SectionNames.displayName("   ")).isEmpty();
        assertThat(SectionNames.known(null)).isEmpty();
    }
}
