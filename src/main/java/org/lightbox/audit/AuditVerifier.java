package org.lightbox.audit;

import java.util.Iterator;
import java.util.Objects;

/**
 * Walks an audit chain in sequence order and names the first broken link: a changed event (its hash
 * no longer matches its content), a removed or reordered one (its predecessor's hash does not match)
 * or a gap in the sequence. Works on any source of events: the local table or the central store.
 */
public final class AuditVerifier {
    public ChainCheck verify(Iterator<AuditEvent> eventsInOrder) {
        String expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (eventsInOrder.hasNext()) {
            AuditEvent e = eventsInOrder.next();
            if (e.seq() != expectedSeq) {
                return ChainCheck.brokenAt(checked, e.seq(), e.seq() > expectedSeq
                        ? "events " + expectedSeq + (e.seq() - 1 > expectedSeq ? " to " + (e.seq() - 1) : "") + " are missing"
                        : "event " + e.seq() + " is out of order (expected " + expectedSeq + ")");
            }
            if (!Objects.equals(e.prevHash(), expectedPrev)) {
                return ChainCheck.brokenAt(checked, e.seq(),
                        "event " + e.seq() + " does not follow event " + (e.seq() - 1) + " (previous-hash mismatch)");
            }
            if (!Objects.equals(AuditChain.hash(e), e.hash())) {
                return ChainCheck.brokenAt(checked, e.seq(),
                        "event " + e.seq() + " (" + e.action() + " on " + e.targetClass() + " " + e.targetId()
                                + ") was changed after it was written (hash mismatch)");
            }
            expectedPrev = e.hash();
            expectedSeq++;
            checked++;
        }
        return ChainCheck.intact(checked);
    }
}
