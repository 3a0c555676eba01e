package org.lightbox.app;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.lightbox.sync.StatAlert;

/** Desktop notifications the window raises: a new STAT on the worklist is worth interrupting for. */
final class DesktopNotifications {
    private DesktopNotifications() {
    }

    static void stat(Node owner, StatAlert alert) {
        Notifications.create().owner(owner.getScene() == null ? null : owner.getScene().getWindow())
                .title("New STAT on the worklist").text(alert.accession() + "  " + alert.modality() + "  " + alert.description())
                .position(Pos.TOP_RIGHT).hideAfter(Duration.seconds(15)).showWarning();
    }
}
