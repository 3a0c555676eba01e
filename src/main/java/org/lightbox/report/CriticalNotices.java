package org.lightbox.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** Reads back the critical result notice a signed version carries (as the JSON it was hashed in). */
final class CriticalNotices {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CriticalNotices() {
    }

    static CriticalResultNotice fromJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return new CriticalResultNotice(n.path("notifiedWhom").asText(), NotificationMethod.of(n.path("method").asText()),
                    Instant.parse(n.path("notifiedAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("A signed version carries an unreadable critical result notice: " + text, e);
        }
    }
}
