package org.lightbox.domain;

/** Something a user may be allowed to do. Checked by the domain services, whatever the UI shows. */
public enum Permission {
    /** The whole worklist; without it a user sees only released requests, if allowed to read their reports. */
    VIEW_WORKLIST("see the worklist"),
    REGISTER_REQUEST("register imaging requests"),
    SCHEDULE_REQUEST("schedule imaging requests"),
    CANCEL_REQUEST("cancel imaging requests"),
    REGISTER_SCAN("register completed scans"),
    READ_IMAGES("read images"),
    TAKE_ASSIGNMENT("take studies to read"),
    ASSIGN_OTHERS("assign studies to other radiologists"),
    WRITE_REPORT("write reports"),
    /**
     * The working text of a report nobody has signed yet (a draft, or a preliminary report as its
     * reviewer changes it). Radiologists read one another's; the rest of the department sees the
     * report once signed, so an unchecked word never passes for the report.
     */
    READ_DRAFT_REPORTS("read unsigned report drafts"),
    SIGN_REPORT("sign reports"),
    /** Reviewers finalize the preliminary reports assigned to them; this finalizes anyone's (administrators). */
    FINALIZE_ANY_REPORT("finalize a preliminary report assigned to another reviewer"),
    RELEASE_REPORT("release reports"),
    READ_RELEASED_REPORTS("read released reports"),
    BREAK_READING_LOCK("break another user's reading lock"),
    MANAGE_USERS("manage users"),
    MANAGE_SETTINGS("change settings"),
    /** Changes the central store refused go back into the queue: someone must have fixed the cause first. */
    RETRY_REFUSED_CHANGES("send refused changes to the central store again"),
    VERIFY_AUDIT("verify the audit trail");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    /** Reads after "may not": "may not sign reports". */
    public String description() {
        return description;
    }
}
