package org.lightbox.report;

import java.util.ArrayList;
import java.util.List;

/** The template fields still unfilled in a report, by what signing does about them. */
public record UnfilledFields(List<String> required, List<String> alerts, List<String> optional) {
    public UnfilledFields {
        required = List.copyOf(required);
        alerts = List.copyOf(alerts);
        optional = List.copyOf(optional);
    }

    public static UnfilledFields of(ReportSections sections) {
        List<String> required = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (ReportSection section : ReportSection.values()) {
            for (FieldToken t : FieldToken.find(sections.get(section))) {
                String name = section.label() + ": " + t.label();
                (t.completion() == Completion.PROHIBIT ? required : t.completion() == Completion.ALERT ? alerts : optional).add(name);
            }
        }
        return new UnfilledFields(required, alerts, optional);
    }

    public boolean isEmpty() {
        return required.isEmpty() && alerts.isEmpty() && optional.isEmpty();
    }

    /** Fields the signer must accept leaving out (alerts and optional ones). */
    public boolean needsAcknowledgement() {
        return !alerts.isEmpty() || !optional.isEmpty();
    }

    public String describeLeftOut() {
        List<String> parts = new ArrayList<>();
        if (!alerts.isEmpty()) {
            parts.add("Warning, not filled: " + String.join(", ", alerts) + ".");
        }
        if (!optional.isEmpty()) {
            parts.add("Not filled: " + String.join(", ", optional) + ".");
        }
        return String.join(" ", parts) + " Unfilled fields are left out of the signed text.";
    }
}
