package org.lightbox.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A study as the central store's DicomStudy class holds it (the series and instances stay local). */
final class StudyPayload {
    static final String CLASS_NAME = "DicomStudy";

    private StudyPayload() {
    }

    static ObjectNode fill(ObjectNode p, IndexedStudy s) {
        p.put("studyInstanceUid", s.studyInstanceUid());
        p.put("accessionNumber", s.accession());
        p.put("modality", s.modality());
        p.put("bodyPart", s.bodyPart());
        p.put("description", s.description());
        if (s.performedAt() == null) {
            p.putNull("performedAt");
        } else {
            p.putObject("performedAt").put("__type", "Date").put("iso", s.performedAt().toString());
        }
        if (s.requestId() == null) {
            p.putNull("imagingRequest");
        } else {
            p.putObject("imagingRequest").put("__type", "Pointer").put("className", "ImagingRequest")
                    .put("objectId", s.requestId());
        }
        p.put("matchStatus", s.isMatched() ? "matched" : "unmatched");
        p.put("unmatchedReason", s.unmatchedReason());
        p.put("patientIdInImages", s.identity().patientId());
        p.put("seriesCount", s.seriesCount());
        p.put("instanceCount", s.instanceCount());
        return p;
    }
}
