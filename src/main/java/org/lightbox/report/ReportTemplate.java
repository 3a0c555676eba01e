package org.lightbox.report;

/**
 * A report template ready to apply: the text it puts in each section, with its fields as
 * {@link FieldToken}s. Built-in templates ship in the jar; imported ones live in the database.
 */
public record ReportTemplate(String id, String title, boolean builtIn, ReportSections content) {
    @Override
    public String toString() {
        return title + (builtIn ? "" : "  (imported)");
    }
}
