/**
 * Optional summaries written by a language model, a stage between composing and rendering: it
 * takes a composed briefing and the reports behind each story, and returns the same briefing
 * with written summaries where the reports support them. Providers come through LangChain4j;
 * prompts are files read at run time; every written sentence is checked against the reports;
 * any failure leaves a story its extractive summary, marked. Nothing here runs unless a run
 * asks for {@code --summarizer llm}.
 */
package org.newsbrief.llm;
