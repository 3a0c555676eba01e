package org.lightbox.audit;

/** The result of walking an audit chain: intact, or the first link that is broken and why. */
public record ChainCheck(long eventsChecked, Long firstBrokenSeq, String problem) {
    public static ChainCheck intact(long eventsChecked) {
        return new ChainCheck(eventsChecked, null, null);
    }

    public static ChainCheck brokenAt(long eventsChecked, long seq, String problem) {
        return new ChainCheck(eventsChecked, seq, problem);
    }

    public boolean isIntact() {
        return firstBrokenSeq == null;
    }
}
