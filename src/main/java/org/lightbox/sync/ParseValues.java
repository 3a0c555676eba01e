package org.lightbox.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Reading and writing Parse's JSON encodings: dates ({@code {"__type":"Date","iso":...}}), pointers, absent fields. */
final class ParseValues {
    private ParseValues() {
    }

    static String text(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String textOr(JsonNode object, String field, String fallback) {
        String v = text(object, field);
        return v == null ? fallback : v;
    }

    static Instant date(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String iso = v.isObject() ? v.path("iso").asText(null) : v.asText(null);
        return iso == null ? null : Instant.parse(iso);
    }

    static String pointer(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? null : v.path("objectId").asText(null);
    }

    static boolean bool(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v != null && v.asBoolean(false);
    }

    static void putDate(ObjectNode p, String field, Instant at) {
        if (at == null) {
            p.putNull(field);
        } else {
            p.putObject(field).put("__type", "Date").put("iso", at.toString());
        }
    }

    static ObjectNode dateValue(ObjectNode factory, Instant at) {
        return factory.objectNode().put("__type", "Date").put("iso", at.toString());
    }
}
