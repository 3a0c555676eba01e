package org.lightbox.sync;

import java.util.Map;
import java.util.stream.Collectors;

/** What one push-and-pull cycle did, as {@code lightbox sync} prints it. */
public record SyncReport(PushReport push, Map<String, Integer> pulled, long waiting, long refused, long conflicts, long parked) {
    public String describe() {
        String pulledText = pulled.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().replace("_User", "User") + " " + e.getValue()).collect(Collectors.joining(", "));
        return "Pushed: " + push.delivered() + " delivered, " + push.alreadyThere() + " already there, " + push.refused()
                + " refused, in " + push.requests() + (push.requests() == 1 ? " request" : " requests") + "\n"
                + "Pulled: " + (pulledText.isEmpty() ? "nothing new" : pulledText) + "\n"
                + "Outbox: " + waiting + " waiting, " + refused + " refused" + "\n"
                + "Conflicts to review: " + conflicts + "\n"
                + "Received but not applied yet: " + parked + (parked == 0 ? "" : " (see the sync panel)");
    }
}
