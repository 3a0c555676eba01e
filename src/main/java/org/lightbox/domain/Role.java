package org.lightbox.domain;

import static org.lightbox.domain.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the radiology department and what each may do. */
public enum Role implements Coded {
    ADMIN("admin", "Administrator", EnumSet.allOf(Permission.class)),
    SCHEDULER("scheduler", "Scheduler",
            EnumSet.of(VIEW_WORKLIST, REGISTER_REQUEST, SCHEDULE_REQUEST, CANCEL_REQUEST)),
    TECHNOLOGIST("technologist", "Technologist",
            EnumSet.of(VIEW_WORKLIST, REGISTER_SCAN, READ_IMAGES)),
    RADIOLOGIST("radiologist", "Radiologist",
            EnumSet.of(VIEW_WORKLIST, READ_IMAGES, TAKE_ASSIGNMENT, WRITE_REPORT, READ_DRAFT_REPORTS, SIGN_REPORT, RELEASE_REPORT,
                    READ_RELEASED_REPORTS)),
    REFERRING_PHYSICIAN("referring_physician", "Referring physician",
            EnumSet.of(READ_RELEASED_REPORTS));

    private final String code;
    private final String label;
    private final Set<Permission> permissions;

    Role(String code, String label, Set<Permission> permissions) {
        this.code = code;
        this.label = label;
        this.permissions = permissions;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public static Role of(String code) {
        return Coded.fromCode(Role.class, code, "Role");
    }
}
