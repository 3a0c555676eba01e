package org.lightbox.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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

    /**
     * Whether two field values mean the same: an absent field and null are alike, dates compare as
     * instants (the server writes milliseconds, the workstation may not), pointers by the object they
     * name, numbers by value.
     */
    static boolean same(JsonNode a, JsonNode b) {
        JsonNode x = comparable(a);
        JsonNode y = comparable(b);
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        return x.equals(y);
    }

    /** A field value as a person reads it in a conflict: a date as its instant, a pointer as its object id. */
    static String shown(JsonNode value) {
        JsonNode v = comparable(value);
        return v.isNull() ? "null" : v.isTextual() ? v.asText() : v.toString();
    }

    private static JsonNode comparable(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return NullNode.getInstance();
        }
        if (v.isObject() && "Date".equals(v.path("__type").asText())) {
            try {
                return TextNode.valueOf(Instant.parse(v.path("iso").asText()).toString());
            } catch (DateTimeParseException e) {
                return v;
            }
        }
        if (v.isObject() && "Pointer".equals(v.path("__type").asText())) {
            return TextNode.valueOf(v.path("objectId").asText());
        }
        return v;
    }
}
