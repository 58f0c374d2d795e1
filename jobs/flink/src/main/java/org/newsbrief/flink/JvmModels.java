package org.newsbrief.flink;

import org.newsbrief.nlp.NlpModels;

/**
 * The OpenNLP models of one worker JVM, loaded once and shared by every task of the job that runs
 * in it. Tasks reach them from {@code open}, so models are never part of a function's serialized
 * form and never travel with the job graph.
 *
 * <p>Flink gives each job its own class loader, so "once per JVM" is once per job and task
 * manager: two jobs on one session cluster each load their own, and a finished job's models go
 * with its class loader.
 */
final class JvmModels {

    private JvmModels() {}

    /** Initialized by the JVM on first use, which makes the loading thread-safe and once only. */
    private static final class Holder {

        static final NlpModels MODELS = load();

        private static NlpModels load() {
            NlpModels models = new NlpModels(JvmModels.class.getClassLoader());
            // What every article needs, loaded here rather than by the first record to arrive.
            models.sentenceModel("en");
            models.tokenizerModel("en");
            models.languageModel();
            return models;
        }
    }

    /** @return this JVM's models */
    static NlpModels get() {
        return Holder.MODELS;
    }
}
