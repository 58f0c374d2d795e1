package org.newsbrief.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.newsbrief.internal.Sleeper;

/**
 * The HTTP client the LangChain4j chat models send through: Java's own client, with the retry
 * policy applied below the model so that {@code Retry-After} can be read (LangChain4j's
 * exceptions do not carry headers). It counts every request it sends, retries included, and
 * names the prompt each one carries in a header of its own.
 */
final class RetryingHttpClient implements HttpClient {

    /**
     * Names the prompt a request carries ({@link PromptTemplates.Kind#promptName()}); services
     * ignore headers they do not know, and a test server answers by it.
     */
    static final String PROMPT_HEADER = "X-Newsbrief-Prompt";

    /** Headers Java's client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final int BODY_IN_MESSAGE = 300;
    /** The most of one reply that is held: chat replies are a few kilobytes. */
    static final long MAX_REPLY_BYTES = 8L * 1024 * 1024;
    /** How often the deadline is looked at while a reply is awaited; whether it passed is the clock's to say. */
    private static final Duration CHECK = Duration.ofMillis(100);

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;
    private final AtomicInteger requests;
    private final BooleanSupplier givenUp;
    private final String prompt;

    RetryingHttpClient(java.net.http.HttpClient http, Duration readTimeout, RetryPolicy policy, Sleeper sleeper,
            RandomGenerator random, Clock clock, AtomicInteger requests, BooleanSupplier givenUp, String prompt) {
        this.http = Objects.requireNonNull(http, "http");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.givenUp = Objects.requireNonNull(givenUp, "givenUp");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest outgoing = outgoing(request);
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= policy.retries();
            HttpResponse<String> response;
            RuntimeException failure;
            try {
                requests.incrementAndGet();
                response = exchange(outgoing);
            } catch (ReplyTooLarge e) {
                throw new dev.langchain4j.exception.LangChain4jException(
                        "the reply from " + host(request) + " " + e.getMessage(), e);
            } catch (HttpTimeoutException e) {
                failure = new dev.langchain4j.exception.TimeoutException(
                        "no complete answer from " + host(request) + " within " + duration(readTimeout));
                retryOrThrow(failure, last, backoff(attempt), request);
                continue;
            } catch (IOException e) {
                failure = new dev.langchain4j.exception.LangChain4jException("cannot reach " + host(request) + ": "
                        + (e.getMessage() != null ? e.getMessage()
                                : e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName()), e);
                retryOrThrow(failure, last, backoff(attempt), request);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.langchain4j.exception.LangChain4jException("interrupted while calling " + host(request), e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map())
                        .body(response.body()).build();
            }
            failure = new HttpException(status, "HTTP " + status + " from " + host(request) + ": " + excerpt(response.body()));
            boolean retriable = status == 429 || status >= 500;
            if (!retriable) {
                throw failure;
            }
            Optional<Duration> asked = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            if (!last && asked.isPresent() && asked.get().compareTo(policy.longestWait()) > 0) {
                throw new HttpException(status, "HTTP " + status + " from " + host(request) + " asks to wait "
                        + asked.get().toSeconds() + " s, longer than the " + policy.longestWait().toSeconds() + " s allowed");
            }
            retryOrThrow(failure, last, asked.isPresent() ? asked.get() : backoff(attempt), request);
        }
    }

    /**
     * Waits before the next attempt, or throws the failure when there is none: on the last
     * attempt, and once the provider is given up on, so that calls already under way when the
     * circuit breaker opened do not each spend their retries on a dead service.
     */
    private void retryOrThrow(RuntimeException failure, boolean last, Duration wait, HttpRequest request) {
        if (last || givenUp.getAsBoolean()) {
            throw failure;
        }
        pause(wait, request);
        if (givenUp.getAsBoolean()) {
            throw failure;
        }
    }

    /**
     * One request and its whole reply, headers and body, within the timeout: a server that sends
     * the headers at once and then drips the body would otherwise hold the run for as long as it
     * likes. The deadline is measured on the clock, so that a test moves time instead of waiting
     * for it, and never lasts longer than the timeout in real time either, so that a clock that
     * stands still (a fixed one, for editions stamped alike) cannot hold a run. When it passes, the
     * exchange is cancelled, which closes the connection.
     */
    private HttpResponse<String> exchange(java.net.http.HttpRequest outgoing) throws IOException, InterruptedException {
        Instant deadline = clock.instant().plus(readTimeout);
        long realDeadline = System.nanoTime() + readTimeout.toNanos();
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(outgoing, info -> new CappedBody(MAX_REPLY_BYTES));
        try {
            while (true) {
                long left = Math.min(Duration.between(clock.instant(), deadline).toNanos(), realDeadline - System.nanoTime());
                if (left <= 0) {
                    pending.cancel(true);
                    throw new HttpTimeoutException("no complete answer within " + duration(readTimeout));
                }
                try {
                    return pending.get(Math.min(left, CHECK.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // not yet: the deadline is looked at again
                }
            }
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    /** A reply larger than the client holds; trying again would bring the same. */
    static final class ReplyTooLarge extends IOException {

        ReplyTooLarge(long limit) {
            super("was larger than " + limit / (1024 * 1024) + " MB, more than any summary needs");
        }
    }

    /**
     * Collects a reply as UTF-8 text, up to a limit: a server that answers fast but without end
     * would otherwise fill memory before the deadline passes.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<String> {

        private final long limit;
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;

        CappedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public java.util.concurrent.CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer buffer : buffers) {
                if (result.isDone()) {
                    return;
                }
                if (body.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new ReplyTooLarge(limit));
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(body.toString(StandardCharsets.UTF_8));
        }
    }

    private static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("newsbrief does not stream model replies");
    }

    private java.net.http.HttpRequest outgoing(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        builder.header(PROMPT_HEADER, prompt);
        String body = request.body();
        switch (request.method()) {
            case GET -> builder.GET();
            case DELETE -> builder.DELETE();
            default -> builder.POST(body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** The doubling wait for this attempt, capped, with full jitter between half and all of it. */
    Duration backoff(int attempt) {
        long millis = policy.firstWait().toMillis() << Math.min(attempt, 20);
        millis = Math.min(millis, policy.longestWait().toMillis());
        return Duration.ofMillis(millis / 2 + (millis > 1 ? random.nextLong(millis - millis / 2) : 0));
    }

    /** Retry-After as delay-seconds or as an HTTP date; anything else is ignored. */
    Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void pause(Duration wait, HttpRequest request) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.langchain4j.exception.LangChain4jException("interrupted while waiting to retry " + host(request), e);
        }
    }

    private static String host(HttpRequest request) {
        URI uri = URI.create(request.url());
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= BODY_IN_MESSAGE ? flat : flat.substring(0, BODY_IN_MESSAGE) + "…";
    }

    /** What the chat models are given: hands them a {@link RetryingHttpClient} with their timeouts. */
    static final class Builder implements HttpClientBuilder {

        private final RetryPolicy policy;
        private final Sleeper sleeper;
        private final RandomGenerator random;
        private final Clock clock;
        private final AtomicInteger requests;
        private final BooleanSupplier givenUp;
        private final String prompt;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        /**
         * @param givenUp whether the provider has been given up on, so that no request is retried
         * @param prompt the name of the prompt every request of the client carries
         */
        Builder(RetryPolicy policy, Sleeper sleeper, RandomGenerator random, Clock clock, AtomicInteger requests,
                BooleanSupplier givenUp, String prompt) {
            this.policy = policy;
            this.sleeper = sleeper;
            this.random = random;
            this.clock = clock;
            this.requests = requests;
            this.givenUp = givenUp;
            this.prompt = prompt;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            return new RetryingHttpClient(http, readTimeout, policy, sleeper, random, clock, requests, givenUp, prompt);
        }
    }
}
