package org.lightbox.auth;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about accounts and sign-in. */
enum AuthAction implements AuditAction {
    USER_CREATED("user.created"),
    PASSWORD_CHANGED("user.password_changed"),
    PASSWORD_CHANGE_REFUSED("user.password_change_refused"),
    PASSWORD_RESET("user.password_reset"),
    ROLES_CHANGED("user.roles_changed"),
    USER_DEACTIVATED("user.deactivated"),
    USER_REACTIVATED("user.reactivated"),
    SIGNED_IN("auth.signed_in"),
    SIGN_IN_REFUSED("auth.sign_in_refused"),
    SIGNED_OUT("auth.signed_out"),
    WORKSTATION_LOCKED("auth.workstation_locked"),
    WORKSTATION_UNLOCKED("auth.workstation_unlocked"),
    REAUTHENTICATION_REFUSED("auth.reauthentication_refused");

    private final String code;

    AuthAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
