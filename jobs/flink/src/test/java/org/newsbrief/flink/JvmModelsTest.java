package org.newsbrief.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class JvmModelsTest {

    @Test
    void everyThreadOfAJvmGetsTheSameModels() throws InterruptedException {
        Map<Object, Boolean> seen = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.put(JvmModels.get(), true);
            });
            threads[i].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(seen).hasSize(1);
        assertThat(seen.keySet().iterator().next()).isSameAs(JvmModels.get());
    }

    @Test
    void theSummarizerTravelsWithoutModelsAndFindsThemWhereItOpens() throws Exception {
        SummarizeRecords function = new SummarizeRecords(Map.of("--sentences", java.util.List.of("2")));

        byte[] serialized = InstantiationUtil.serializeObject(function);
        SummarizeRecords arrived = InstantiationUtil.deserializeObject(serialized, getClass().getClassLoader());
        arrived.open(DefaultOpenContext.INSTANCE);

        assertThat(serialized.length).as("flags only, no models").isLessThan(4_000);
    }
}
