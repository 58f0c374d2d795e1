package org.newsbrief.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A model service on 127.0.0.1 for tests. It speaks OpenAI's chat-completions API at
 * {@code /v1/chat/completions} and Anthropic's Messages API at {@code /v1/messages}, answering in
 * the shapes those services send. What it answers is decided per call by a behaviour; the
 * default one summarizes like a careful model would: it quotes the opening sentences of the
 * fenced data it was given. What a call asks for is told by the prompt name each request
 * carries in a header, never by the wording of the prompt, which editors may change.
 */
final class FakeModelServer implements AutoCloseable, AfterEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCED = Pattern.compile("<<<DATA (\\w+)>>>\\n(.*?)\\n<<<END DATA \\1>>>", Pattern.DOTALL);

    /**
     * One request as the server saw it.
     *
     * @param prompt the name of the prompt it carries, from its header, or an empty string
     */
    record Call(String path, Map<String, List<String>> headers, String prompt, String system, String user, String body) {

        /** @return the data blocks fenced in the user message */
        List<String> fenced() {
            List<String> blocks = new ArrayList<>();
            Matcher matcher = FENCED.matcher(user);
            while (matcher.find()) {
                blocks.add(matcher.group(2));
            }
            return blocks;
        }

        boolean is(PromptTemplates.Kind kind) {
            return prompt.equals(kind.promptName());
        }

        boolean isHeadline() {
            return is(PromptTemplates.Kind.HEADLINE);
        }

        boolean isExecutive() {
            return is(PromptTemplates.Kind.EXECUTIVE);
        }
    }

    /** Where the server stops sending until it is closed. */
    enum Hold {
        /** It sends the whole answer at once. */
        NONE,
        /** It sends nothing at all. */
        BEFORE_HEADERS,
        /** It sends the headers and half of the body. */
        IN_BODY
    }

    /**
     * What to send back.
     *
     * @param status the HTTP status
     * @param headers extra headers
     * @param body the body as sent, or {@code null} to send the text in the provider's shape
     * @param text the model's text
     * @param hold where the server stops sending until it is closed
     * @param onHold what the server does once it holds, such as moving a test's clock past the
     *     client's deadline, so that the client gives up without waiting for real time to pass
     */
    record Answer(int status, Map<String, String> headers, String body, String text, Hold hold, Runnable onHold) {

        static Answer text(String text) {
            return new Answer(200, Map.of(), null, text, Hold.NONE, () -> { });
        }

        static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, headers, "{\"error\":{\"message\":\"status " + status + "\",\"type\":\"server_error\"}}", null,
                    Hold.NONE, () -> { });
        }

        static Answer raw(String body) {
            return raw(200, body);
        }

        static Answer raw(int status, String body) {
            return new Answer(status, Map.of(), body, null, Hold.NONE, () -> { });
        }

        /** @return this answer never sent: the server takes the call, does {@code onHold} and waits to be closed */
        Answer held(Runnable onHold) {
            return new Answer(status, headers, body, text, Hold.BEFORE_HEADERS, onHold);
        }

        /** @return this answer cut short: the headers and half the body, then {@code onHold}, then nothing */
        Answer stalledInBody(Runnable onHold) {
            return new Answer(status, headers, body, text, Hold.IN_BODY, onHold);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-model");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<Call, Answer> behaviour = FakeModelServer::careful;

    /** Starts at once; registered with {@code @RegisterExtension}, it stops after each test. */
    FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake model server", e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, false));
        server.createContext("/v1/messages", exchange -> answer(exchange, true));
        server.createContext("/api/chat", exchange -> answer(exchange, false));
        server.start();
    }

    /** @return the base URL a provider is given, such as {@code http://127.0.0.1:41234/v1} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return the address an Ollama client is given, without a path */
    String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeModelServer behave(Function<Call, Answer> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** @return how many requests arrived */
    int requests() {
        return count.get();
    }

    /** @return every request, in arrival order */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * A well-behaved model: quotes the first two sentences of an article, the first sentence of
     * each outlet's summary for a story, the first title for a headline, and one sentence per
     * story for the executive summary. A request that names no known prompt is refused.
     */
    static Answer careful(Call call) {
        List<String> blocks = call.fenced();
        if (call.is(PromptTemplates.Kind.HEADLINE)) {
            return Answer.text(blocks.get(0).lines().findFirst().orElse("").replaceFirst("^- ", ""));
        }
        if (call.is(PromptTemplates.Kind.EXECUTIVE)) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                lines.append(i + 1).append(". ").append(sentences(blocks.get(i)).get(0)).append('\n');
            }
            return Answer.text(lines.toString());
        }
        if (call.is(PromptTemplates.Kind.STORY)) {
            return Answer.text(String.join(" ", blocks.stream().map(block -> sentences(block).get(0)).toList()));
        }
        if (call.is(PromptTemplates.Kind.ARTICLE)) {
            List<String> sentences = sentences(blocks.get(0));
            return Answer.text(String.join(" ", sentences.subList(0, Math.min(2, sentences.size()))));
        }
        return Answer.raw(400, "{\"error\":{\"message\":\"no known prompt named in " + RetryingHttpClient.PROMPT_HEADER
                + ": '" + call.prompt() + "'\"}}");
    }

    static List<String> sentences(String text) {
        return List.of(text.strip().split("(?<=[.!?][\"”]?)\\s+(?=[A-Z\"“])"));
    }

    private void answer(HttpExchange exchange, boolean anthropic) throws IOException {
        count.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode request = JSON.readTree(body);
        String system = "";
        StringBuilder user = new StringBuilder();
        if (anthropic) {
            JsonNode systemNode = request.path("system");
            if (systemNode.isArray()) {
                StringBuilder text = new StringBuilder();
                systemNode.forEach(part -> text.append(part.path("text").asText()));
                system = text.toString();
            } else {
                system = systemNode.asText();
            }
        }
        for (JsonNode message : request.path("messages")) {
            String content = content(message.path("content"));
            if (message.path("role").asText().equals("system")) {
                system = content;
            } else {
                user.append(content);
            }
        }
        String prompt = exchange.getRequestHeaders().getFirst(RetryingHttpClient.PROMPT_HEADER);
        Call call = new Call(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                prompt == null ? "" : prompt, system, user.toString(), body);
        calls.add(call);
        Answer answer;
        try {
            answer = behaviour.apply(call);
        } catch (RuntimeException e) {
            answer = Answer.status(500, Map.of());
        }
        try {
            if (answer.hold() == Hold.BEFORE_HEADERS) {
                answer.onHold().run();
                closed.await();
                exchange.close();
                return;
            }
            String reply = answer.body() != null ? answer.body()
                    : anthropic ? anthropicShape(answer.text(), request)
                    : call.path().equals("/api/chat") ? ollamaShape(answer.text(), request) : openAiShape(answer.text(), request);
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (answer.hold() == Hold.IN_BODY) {
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    answer.onHold().run();
                    closed.await();
                } else {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException | IOException e) {
            exchange.close();
        }
    }

    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }

    private static String openAiShape(String text, JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test");
        root.put("object", "chat.completion");
        root.put("created", 1764050400);
        root.put("model", request.path("model").asText());
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 120);
        usage.put("completion_tokens", 30);
        usage.put("total_tokens", 150);
        return root.toString();
    }

    private static String ollamaShape(String text, JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", request.path("model").asText());
        root.put("created_at", "2026-11-25T05:00:00Z");
        ObjectNode message = root.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        root.put("done", true);
        root.put("done_reason", "stop");
        root.put("prompt_eval_count", 120);
        root.put("eval_count", 30);
        return root.toString();
    }

    private static String anthropicShape(String text, JsonNode request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_test");
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", request.path("model").asText());
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.put("stop_reason", "end_turn");
        root.putNull("stop_sequence");
        ObjectNode usage = root.putObject("usage");
        usage.put("input_tokens", 120);
        usage.put("output_tokens", 30);
        return root.toString();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
