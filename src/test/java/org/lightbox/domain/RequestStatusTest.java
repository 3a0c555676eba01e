package org.lightbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lightbox.domain.RequestStatus.*;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestStatusTest {
    @Test
    void theHappyPathRunsFromRequestedToReleased() {
        RequestStatus[] path = {REQUESTED, SCHEDULED, PERFORMED, IN_READING, REPORTED, RELEASED};
        for (int i = 0; i + 1 < path.length; i++) {
            assertThat(path[i].canMoveTo(path[i + 1])).as(path[i] + " -> " + path[i + 1]).isTrue();
        }
    }

    @Test
    void onlyRequestsNotYetBeingReadCanBeCancelled() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(s -> s.canMoveTo(CANCELLED)))
                .containsExactlyInAnyOrder(REQUESTED, SCHEDULED, PERFORMED);
    }

    @ParameterizedTest
    @EnumSource(RequestStatus.class)
    void everyOtherMoveIsRefusedWithAMessageSayingWhatIsAllowed(RequestStatus from) {
        Set<RequestStatus> allowed = from.next();
        for (RequestStatus to : RequestStatus.values()) {
            if (!allowed.contains(to)) {
                assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(IllegalTransitionException.class)
                        .hasMessageStartingWith("A " + from.label().toLowerCase() + " request cannot become " + to.label().toLowerCase());
            }
        }
    }

    @Test
    void releasedAndCancelledAreFinal() {
        assertThat(RELEASED.next()).isEmpty();
        assertThat(CANCELLED.next()).isEmpty();
        assertThatThrownBy(() -> RELEASED.checkMoveTo(SCHEDULED)).hasMessage("A released request cannot become scheduled (released is final)");
    }

    @Test
    void aReadingCannotBeSkipped() {
        assertThatThrownBy(() -> PERFORMED.checkMoveTo(REPORTED))
                .hasMessage("A performed request cannot become reported (from performed it can become: in reading, cancelled)");
    }

    @Test
    void codesAreTheCentralStoreNames() {
        assertThat(IN_READING.code()).isEqualTo("in_reading");
        assertThat(RequestStatus.of("in_reading")).isEqualTo(IN_READING);
    }
}
