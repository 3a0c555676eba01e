package org.lightbox.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.auth.UserAccount;

/**
 * The editor's signature form: the password typed to sign, who was told of a critical result (how
 * and when), the confirmation to leave unfilled fields out, and the reviewer of a preliminary report.
 */
public final class SignFormViewModel {
    static final String NOTICE_TIME_HELP = "Notified at: write the time as yyyy-MM-dd HH:mm or HH:mm";
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty notifiedWhom = new SimpleStringProperty("");
    private final ObjectProperty<NotificationMethod> notificationMethod = new SimpleObjectProperty<>(NotificationMethod.PHONE);
    private final StringProperty notifiedAt = new SimpleStringProperty("");
    private final BooleanProperty leaveOutUnfilled = new SimpleBooleanProperty(false);
    private final ObservableList<UserAccount> reviewers = FXCollections.observableArrayList();
    private final ObjectProperty<UserAccount> reviewer = new SimpleObjectProperty<>();

    SignFormViewModel(Clock clock) {
        this.clock = clock;
    }

    public StringProperty passwordProperty() { return password; }
    public StringProperty notifiedWhomProperty() { return notifiedWhom; }
    public ObjectProperty<NotificationMethod> notificationMethodProperty() { return notificationMethod; }
    public StringProperty notifiedAtProperty() { return notifiedAt; }
    public BooleanProperty leaveOutUnfilledProperty() { return leaveOutUnfilled; }
    public ObservableList<UserAccount> reviewers() { return reviewers; }
    public ObjectProperty<UserAccount> reviewerProperty() { return reviewer; }

    /** A newly shown report: nothing typed yet; the one usually told of a critical result is the orderer, now. */
    void reset(String orderingClinician) {
        password.set("");
        leaveOutUnfilled.set(false);
        notifiedWhom.set(orderingClinician);
        notifiedAt.set(NOTICE_TIME.format(LocalDateTime.now(clock)));
    }

    /** The password as typed, taken out of the form so that it does not linger on screen. */
    char[] takePassword() {
        char[] secret = password.get().toCharArray();
        password.set("");
        return secret;
    }

    boolean leaveOutUnfilled() {
        return leaveOutUnfilled.get();
    }

    String reviewerId() {
        return reviewer.get() == null ? null : reviewer.get().id();
    }

    /** The reviewers to choose from; the first is chosen unless one already is. */
    void offerReviewers(List<UserAccount> list) {
        reviewers.setAll(list);
        if (reviewer.get() == null && !list.isEmpty()) {
            reviewer.set(list.get(0));
        }
    }

    /** The notice as typed; empty when the time is neither "yyyy-MM-dd HH:mm" nor "HH:mm" (today). */
    Optional<CriticalResultNotice> notice() {
        String typed = notifiedAt.get().strip();
        try {
            LocalDateTime at = LocalDateTime.parse(typed, NOTICE_TIME);
            return Optional.of(new CriticalResultNotice(notifiedWhom.get(), notificationMethod.get(),
                    at.atZone(clock.getZone()).toInstant()));
        } catch (DateTimeParseException e) {
            try {
                LocalTime time = LocalTime.parse(typed);
                return Optional.of(new CriticalResultNotice(notifiedWhom.get(), notificationMethod.get(),
                        LocalDate.now(clock).atTime(time).atZone(clock.getZone()).toInstant()));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
