/**
 * Measuring summaries against reference summaries with ROUGE (Lin, "ROUGE: A Package for
 * Automatic Evaluation of Summaries", 2004), and section classifiers against labelled news by
 * accuracy, so that every claim about quality can be rerun; and training the models that these
 * measurements choose.
 *
 * <p>{@link org.newsbrief.evaluate.Lab} is the entry point the command line uses: each measurement,
 * training and benchmark is one call on it with plain values (paths, names, numbers and a
 * {@link org.newsbrief.events.RunLog}), answered with a result record of this package. The composition
 * root builds it with the analyzer, models and clock it shares with the rest of the pipeline.
 */
package org.newsbrief.evaluate;
