package org.lightbox.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.lightbox.request.ImagingRequest;

/**
 * A signed report as a FHIR R4 DiagnosticReport (hl7.org/fhir/R4/diagnosticreport.html), for
 * hospitals that integrate over FHIR. Status follows the newest version: preliminary, final, or
 * appended after an addendum. The impression is the conclusion; the whole text, addenda included,
 * is the presentedForm. Patient and order are referenced by identifier (MRN, accession: HL7 v2 table
 * 0203 codes MR and ACSN), since this workstation holds no FHIR server ids for them.
 */
public final class DiagnosticReportMapper {
    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final String LOINC = "http://loinc.org";

    private final ObjectMapper json;

    public DiagnosticReportMapper(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode map(ReportDocument doc) {
        ImagingRequest request = doc.request();
        SignedVersion latest = doc.latest();
        SignedVersion main = doc.mainVersion();
        ObjectNode r = json.createObjectNode();
        r.put("resourceType", "DiagnosticReport");
        r.put("id", doc.reportId());
        ObjectNode meta = r.putObject("meta");
        meta.put("versionId", Integer.toString(latest.version()));
        meta.put("lastUpdated", latest.signedAt().toString());
        r.putArray("identifier").addObject().put("system", "urn:lightbox:report").put("value", doc.reportId());
        ObjectNode basedOn = r.putArray("basedOn").addObject();
        basedOn.put("type", "ServiceRequest");
        identifier(basedOn.putObject("identifier"), "ACSN", "Accession ID", request.accession().value());
        r.put("status", latest.status().fhirStatus());
        r.putArray("category").addObject().putArray("coding").addObject().put("system", LOINC).put("code", "LP29684-5")
                .put("display", "Radiology");
        ObjectNode code = r.putObject("code");
        code.putArray("coding").addObject().put("system", LOINC).put("code", "18748-4").put("display", "Diagnostic imaging study");
        code.put("text", request.description());
        ObjectNode subject = r.putObject("subject");
        identifier(subject.putObject("identifier"), "MR", "Medical record number", request.patient().mrn().value());
        subject.put("display", request.patient().name().display());
        if (request.performedAt() != null) {
            r.put("effectiveDateTime", request.performedAt().toString());
        }
        r.put("issued", latest.signedAt().toString());
        ArrayNode interpreters = r.putArray("resultsInterpreter");
        interpreters.addObject().put("display", main.signerName());
        r.putArray("performer").addObject().put("display", doc.institution());
        r.put("conclusion", main.sections().impression());
        ObjectNode form = r.putArray("presentedForm").addObject();
        form.put("contentType", "text/plain; charset=utf-8");
        form.put("language", "en");
        form.put("data", Base64.getEncoder().encodeToString(ReportText.of(doc).getBytes(StandardCharsets.UTF_8)));
        form.put("title", "Radiology report " + request.accession().value());
        form.put("creation", latest.signedAt().toString());
        return r;
    }

    private static void identifier(ObjectNode id, String typeCode, String display, String value) {
        id.putObject("type").putArray("coding").addObject().put("system", V2_0203).put("code", typeCode).put("display", display);
        id.put("value", value);
    }
}
