package org.lightbox.audit;

/**
 * An action worth an audit event. Each feature names its own actions in an enum implementing this
 * ("request.created", "report.signed"), so the list grows with the features, not in one shared file.
 */
public interface AuditAction {
    /** The stored name, "feature.past_tense_verb". */
    String code();
}
