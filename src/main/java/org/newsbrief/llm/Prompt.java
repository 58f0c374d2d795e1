package org.newsbrief.llm;

import java.util.Objects;

/**
 * One filled-in user prompt, ready to send.
 *
 * @param kind the prompt file it was filled in from
 * @param text the prompt, untrusted parts already fenced or flattened
 */
record Prompt(PromptTemplates.Kind kind, String text) {

    Prompt {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
