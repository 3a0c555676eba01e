package org.lightbox.sync;

/** What one push did: changes the server took, found already there, refused; and how many requests it took. */
public record PushReport(int delivered, int alreadyThere, int refused, int requests) {
    public static final PushReport NOTHING = new PushReport(0, 0, 0, 0);

    PushReport plus(PushReport other) {
        return new PushReport(delivered + other.delivered, alreadyThere + other.alreadyThere, refused + other.refused,
                requests + other.requests);
    }
}
