package org.newsbrief.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsbrief.ManualClock;

class RetryingHttpClientTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T05:00:00Z"), ZoneOffset.UTC);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private RetryingHttpClient client(RetryPolicy policy) {
        return client(policy, Duration.ofSeconds(5));
    }

    private RetryingHttpClient client(RetryPolicy policy, Duration timeout) {
        return (RetryingHttpClient) new RetryingHttpClient.Builder(policy, waits::add, new Random(7), CLOCK, requests, () -> false,
                "article-summary")
                .readTimeout(timeout).build();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        RetryingHttpClient client = client(RetryPolicy.defaults());

        assertThat(client.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(client.retryAfter("Wed, 25 Nov 2026 05:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(client.retryAfter("Tue, 24 Nov 2026 05:00:30 GMT")).contains(Duration.ZERO);
        assertThat(client.retryAfter("soon")).isEmpty();
        assertThat(client.retryAfter(null)).isEmpty();
    }

    @Test
    void backoffDoublesIsCappedAndJitteredWithinHalfToAll() {
        RetryingHttpClient client = client(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(3)));

        for (int i = 0; i < 50; i++) {
            assertThat(client.backoff(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(client.backoff(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(client.backoff(4)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3000));
        }
    }

    @Test
    void aServerAskingToWaitLongerThanAllowedIsGivenUpOnAtOnce() throws IOException {
        try (FakeModelServer server = new FakeModelServer()) {
            server.behave(call -> FakeModelServer.Answer.status(429, Map.of("Retry-After", "3600")));
            RetryingHttpClient client = client(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(60)));
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .addHeader("Content-Type", "application/json").body("{\"messages\":[]}").build();

            assertThatThrownBy(() -> client.execute(request)).isInstanceOf(HttpException.class)
                    .hasMessageContaining("asks to wait 3600 s, longer than the 60 s allowed");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void aReplyStallingAfterPromptHeadersIsCutAtTheTimeoutAndRetriedAsOne() {
        try (FakeModelServer server = new FakeModelServer()) {
            ManualClock clock = new ManualClock();
            // headers and half the body at once, then nothing until the deadline has passed on the client's clock
            server.behave(call -> FakeModelServer.careful(call).stalledInBody(() -> clock.advance(Duration.ofMinutes(1))));
            RetryingHttpClient client = (RetryingHttpClient) new RetryingHttpClient.Builder(
                    new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1)), waits::add, new Random(7), clock, requests,
                    () -> false, "article-summary").readTimeout(Duration.ofSeconds(30)).build();
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"<<<DATA a>>>\\nOne. Two.\\n<<<END DATA a>>>\"}]}")
                    .build();

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> client.execute(request))
                    .isInstanceOf(dev.langchain4j.exception.TimeoutException.class)
                    .hasMessage("no complete answer from " + server.baseUrl().replace("/v1", "") + " within 30 s"));
            assertThat(server.requests()).isEqualTo(2);
            assertThat(requests).hasValue(2);
            assertThat(waits).hasSize(1);
        }
    }

    @Test
    void aReplyThatNeverComesIsGivenUpWhenTheClockPassesTheDeadline() {
        try (FakeModelServer server = new FakeModelServer()) {
            ManualClock clock = new ManualClock();
            server.behave(call -> FakeModelServer.careful(call).held(() -> clock.advance(Duration.ofSeconds(31))));
            RetryingHttpClient client = (RetryingHttpClient) new RetryingHttpClient.Builder(RetryPolicy.defaults().withRetries(0),
                    waits::add, new Random(7), clock, requests, () -> false, "article-summary")
                    .readTimeout(Duration.ofSeconds(30)).build();
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"<<<DATA a>>>\\nOne. Two.\\n<<<END DATA a>>>\"}]}")
                    .build();

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> client.execute(request))
                    .isInstanceOf(dev.langchain4j.exception.TimeoutException.class)
                    .hasMessageEndingWith("within 30 s"));
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aReplyLargerThanTheCapIsRefusedWithoutHoldingItAllOrAskingAgain() {
        try (FakeModelServer server = new FakeModelServer()) {
            String endless = "{\"choices\":[{\"message\":{\"content\":\"" + "a".repeat((int) RetryingHttpClient.MAX_REPLY_BYTES)
                    + "\"}}]}";
            server.behave(call -> FakeModelServer.Answer.raw(endless));
            RetryingHttpClient client = client(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1)),
                    Duration.ofSeconds(30));
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .body("{\"messages\":[]}").build();

            assertThatThrownBy(() -> client.execute(request)).isInstanceOf(dev.langchain4j.exception.LangChain4jException.class)
                    .hasMessageContaining("was larger than 8 MB");
            assertThat(server.requests()).as("the same reply would come again").isEqualTo(1);
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void aCallUnderWayWhenTheProviderIsGivenUpOnIsNotRetried() {
        try (FakeModelServer server = new FakeModelServer()) {
            server.behave(call -> FakeModelServer.Answer.status(503, Map.of()));
            RetryingHttpClient client = (RetryingHttpClient) new RetryingHttpClient.Builder(
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1)), waits::add, new Random(7), CLOCK, requests,
                    () -> server.requests() >= 2, "article-summary").readTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .body("{\"messages\":[]}").build();

            assertThatThrownBy(() -> client.execute(request)).isInstanceOf(HttpException.class).hasMessageContaining("HTTP 503");
            assertThat(server.requests()).isEqualTo(2);
            assertThat(waits).hasSize(1);
        }
    }

    @Test
    void eachRequestNamesItsPromptInAHeader() {
        try (FakeModelServer server = new FakeModelServer()) {
            RetryingHttpClient client = client(RetryPolicy.defaults());
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"<<<DATA a>>>\\nOne. Two.\\n<<<END DATA a>>>\"}]}")
                    .build();

            assertThat(client.execute(request).statusCode()).isEqualTo(200);
            assertThat(server.calls()).extracting(FakeModelServer.Call::prompt).containsExactly("article-summary");
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws IOException {
        try (FakeModelServer server = new FakeModelServer()) {
            server.behave(call -> FakeModelServer.Answer.status(401, Map.of()));
            RetryingHttpClient client = client(RetryPolicy.defaults());
            HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + "/chat/completions")
                    .body("{\"messages\":[]}").build();

            assertThatThrownBy(() -> client.execute(request)).isInstanceOf(HttpException.class).hasMessageContaining("HTTP 401");
            assertThat(server.requests()).isEqualTo(1);
            assertThat(requests).hasValue(1);
        }
    }
}
