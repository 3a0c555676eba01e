package org.lightbox.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An imaging request as the central store's ImagingRequest class holds it. The patient's identity
 * travels with the request (the central store has no separate patient class).
 */
final class RequestPayload {
    private RequestPayload() {
    }

    static ObjectNode fill(ObjectNode p, ImagingRequest r) {
        p.put("accessionNumber", r.accession().value());
        p.put("patientMrn", r.patient().mrn().value());
        p.put("patientFamilyName", r.patient().name().family());
        p.put("patientGivenName", r.patient().name().given());
        p.put("patientBirthDate", r.patient().birthDate().toString());
        p.put("patientSex", r.patient().sex().code());
        p.put("orderingClinician", r.orderingClinician());
        p.put("priority", r.priority().code());
        p.put("requestedModality", r.requestedModality().code());
        p.put("description", r.description());
        p.put("clinicalIndication", r.clinicalIndication());
        p.put("imagingCenterId", r.imagingCenterId());
        p.put("scheduledModalityId", r.scheduledModalityId());
        date(p, "scheduledAt", r.scheduledAt());
        p.put("status", r.status().code());
        p.put("likelyDuplicateOf", r.likelyDuplicateOf());
        p.put("cancelReason", r.cancelReason());
        date(p, "orderedAt", r.orderedAt());
        date(p, "performedAt", r.performedAt());
        return p;
    }

    /** Parse's date form; absent dates are sent as null so a cleared value clears on the server too. */
    private static void date(ObjectNode p, String field, Instant at) {
        if (at == null) {
            p.putNull(field);
        } else {
            p.putObject(field).put("__type", "Date").put("iso", at.toString());
        }
    }
}
