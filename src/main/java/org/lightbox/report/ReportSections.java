package org.lightbox.report;

import java.util.EnumMap;
import java.util.Map;
import org.lightbox.domain.ValidationException;

/** The text of a report, section by section. Null becomes empty; nothing else is changed, not even spaces. */
public record ReportSections(String indication, String technique, String comparison, String findings, String impression) {
    public static final ReportSections EMPTY = new ReportSections("", "", "", "", "");
    /** Generous for any report; refuses a paste gone wrong before it reaches the database. */
    public static final int MAX_SECTION_LENGTH = 100_000;

    public ReportSections {
        indication = orEmpty(indication);
        technique = orEmpty(technique);
        comparison = orEmpty(comparison);
        findings = orEmpty(findings);
        impression = orEmpty(impression);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public String get(ReportSection section) {
        return switch (section) {
            case INDICATION -> indication;
            case TECHNIQUE -> technique;
            case COMPARISON -> comparison;
            case FINDINGS -> findings;
            case IMPRESSION -> impression;
        };
    }

    public ReportSections with(ReportSection section, String text) {
        Map<ReportSection, String> all = asMap();
        all.put(section, text);
        return of(all);
    }

    public Map<ReportSection, String> asMap() {
        Map<ReportSection, String> all = new EnumMap<>(ReportSection.class);
        for (ReportSection s : ReportSection.values()) {
            all.put(s, get(s));
        }
        return all;
    }

    public static ReportSections of(Map<ReportSection, String> texts) {
        return new ReportSections(texts.get(ReportSection.INDICATION), texts.get(ReportSection.TECHNIQUE),
                texts.get(ReportSection.COMPARISON), texts.get(ReportSection.FINDINGS), texts.get(ReportSection.IMPRESSION));
    }

    public boolean isBlank() {
        return asMap().values().stream().allMatch(String::isBlank);
    }

    /** Refuses, naming the section, a text longer than {@link #MAX_SECTION_LENGTH}. */
    public void requireWithinLimits() {
        for (ReportSection s : ReportSection.values()) {
            if (get(s).length() > MAX_SECTION_LENGTH) {
                throw ValidationException.of(s.field(), s.label() + " is too long (" + get(s).length() + " characters, at most "
                        + MAX_SECTION_LENGTH + ")");
            }
        }
    }

    /** Every section stripped of leading and trailing blank space: the form a version is signed in. */
    public ReportSections stripped() {
        return new ReportSections(indication.strip(), technique.strip(), comparison.strip(), findings.strip(), impression.strip());
    }
}
