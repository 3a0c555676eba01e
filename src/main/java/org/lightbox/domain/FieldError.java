package org.lightbox.domain;

/** What is wrong with one field of a form, shown next to that field. */
public record FieldError(String field, String message) {
}
