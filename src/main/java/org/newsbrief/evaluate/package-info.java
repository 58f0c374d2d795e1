/**
 * Measuring summaries against reference summaries with ROUGE (Lin, "ROUGE: A Package for
 * Automatic Evaluation of Summaries", 2004), and section classifiers against labelled news by
 * accuracy, so that every claim about quality can be rerun; and training the models that these
 * measurements choose.
 */
package org.newsbrief.evaluate;
