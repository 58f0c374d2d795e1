/**
 * Measuring summaries against reference summaries with ROUGE (Lin, "ROUGE: A Package for
 * Automatic Evaluation of Summaries", 2004), so that every claim about quality can be rerun.
 */
package org.newsbrief.evaluate;
