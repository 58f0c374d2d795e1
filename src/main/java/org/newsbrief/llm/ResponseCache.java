package org.newsbrief.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.newsbrief.internal.Hashing;
import org.newsbrief.events.RunLog;

/**
 * Model replies on disk, one JSON file per request, named by the SHA-256 of everything that
 * shapes the reply: provider, model, temperature, reply limit and the full prompt (which holds the
 * article text). A rerun of the same edition therefore sends nothing. The service's address is
 * not part of the key: the same model behind another gateway gives the same reply.
 */
final class ResponseCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final RunLog warnings;

    /**
     * @param folder where the files go, created on first write
     * @param warnings receives a line for a cache file that cannot be read or written
     */
    ResponseCache(Path folder, RunLog warnings) {
        this.folder = folder;
        this.warnings = warnings;
    }

    /** A cached reply and what it cost when it was made. */
    record Entry(String text, int inputTokens, int outputTokens) {}

    static String key(List<String> parts) {
        MessageDigest digest = Hashing.sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    Optional<Entry> get(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.path("text").isTextual()) {
                warnings.warning("LLM cache file " + file + " is not a cached reply; asking the model again");
                return Optional.empty();
            }
            return Optional.of(new Entry(node.get("text").asText(), node.path("input_tokens").asInt(),
                    node.path("output_tokens").asInt()));
        } catch (IOException e) {
            warnings.warning("cannot read LLM cache file " + file + " (" + e.getMessage() + "); asking the model again");
            return Optional.empty();
        }
    }

    void put(String key, Entry entry) {
        Path file = file(key);
        ObjectNode node = JSON.createObjectNode();
        node.put("text", entry.text());
        node.put("input_tokens", entry.inputTokens());
        node.put("output_tokens", entry.outputTokens());
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + "." + Thread.currentThread().getId() + ".part");
            Files.writeString(partial, JSON.writeValueAsString(node), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            warnings.warning("cannot write LLM cache file " + file + ": " + e.getMessage());
        }
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
