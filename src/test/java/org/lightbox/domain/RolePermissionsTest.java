package org.lightbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RolePermissionsTest {
    private static Actor as(Role role) {
        return new Actor("u1", "sam", "Sam Rivera", Set.of(role));
    }

    @Test
    void aTechnologistCannotSignReports() {
        assertThatThrownBy(() -> as(Role.TECHNOLOGIST).require(Permission.SIGN_REPORT))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Sam Rivera (Technologist) may not sign reports");
    }

    @Test
    void aTechnologistRegistersScansAndSeesImages() {
        assertThat(as(Role.TECHNOLOGIST).can(Permission.REGISTER_SCAN)).isTrue();
        assertThat(as(Role.TECHNOLOGIST).can(Permission.READ_IMAGES)).isTrue();
    }

    @Test
    void aReferringPhysicianOnlyReadsReleasedReports() {
        Actor referrer = as(Role.REFERRING_PHYSICIAN);
        assertThat(Permission.values()).filteredOn(referrer::can).containsExactly(Permission.READ_RELEASED_REPORTS);
    }

    @Test
    void aSchedulerRegistersAndSchedulesButReadsNothing() {
        Actor scheduler = as(Role.SCHEDULER);
        assertThat(scheduler.can(Permission.REGISTER_REQUEST)).isTrue();
        assertThat(scheduler.can(Permission.SCHEDULE_REQUEST)).isTrue();
        assertThat(scheduler.can(Permission.READ_IMAGES)).isFalse();
        assertThat(scheduler.can(Permission.WRITE_REPORT)).isFalse();
    }

    @Test
    void aRadiologistReadsAndSignsButDoesNotBreakLocksOrManageUsers() {
        Actor radiologist = as(Role.RADIOLOGIST);
        assertThat(radiologist.can(Permission.SIGN_REPORT)).isTrue();
        assertThat(radiologist.can(Permission.BREAK_READING_LOCK)).isFalse();
        assertThat(radiologist.can(Permission.MANAGE_USERS)).isFalse();
    }

    @Test
    void onlyRadiologistsAndAdministratorsReadUnsignedDrafts() {
        assertThat(as(Role.RADIOLOGIST).can(Permission.READ_DRAFT_REPORTS)).isTrue();
        assertThat(as(Role.ADMIN).can(Permission.READ_DRAFT_REPORTS)).isTrue();
        assertThat(as(Role.TECHNOLOGIST).can(Permission.READ_DRAFT_REPORTS)).isFalse();
        assertThat(as(Role.SCHEDULER).can(Permission.READ_DRAFT_REPORTS)).isFalse();
        assertThat(as(Role.REFERRING_PHYSICIAN).can(Permission.READ_DRAFT_REPORTS)).isFalse();
    }

    @Test
    void anAdministratorMayDoEverything() {
        assertThat(Permission.values()).allMatch(as(Role.ADMIN)::can);
    }
}
