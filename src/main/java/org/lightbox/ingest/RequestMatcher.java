package org.lightbox.ingest;

import java.util.Optional;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestRecords;

/**
 * Finds the request a study belongs to: by accession number, and only when the patient in the
 * images is the patient of the request (IHE SWF: the accession links the order to the images; the
 * identity check keeps a mistyped accession from attaching images to the wrong patient).
 */
final class RequestMatcher {
    private final RequestRecords requests;

    RequestMatcher(RequestRecords requests) {
        this.requests = requests;
    }

    MatchDecision decide(String accession, HeaderIdentity identity) {
        if (accession == null || accession.isBlank()) {
            return new MatchDecision.Unmatched("The images carry no accession number; link them to their request by hand");
        }
        Optional<ImagingRequest> found = requests.byAccession(accession.strip());
        if (found.isEmpty()) {
            return new MatchDecision.Unmatched("Accession " + accession.strip() + " matches no request on this workstation");
        }
        ImagingRequest request = found.get();
        IdentityComparison identityCheck = IdentityComparison.of(identity, request.patient());
        if (!identityCheck.agrees()) {
            return new MatchDecision.Unmatched("Accession " + request.accession() + " belongs to "
                    + request.patient().name().display() + " (MRN " + request.patient().mrn() + ", born "
                    + request.patient().birthDate() + "); the images say " + identity.described() + ". Differs in: "
                    + identityCheck.differencesText());
        }
        if (request.status() == RequestStatus.IN_READING) {
            // The radiologist may sign without ever seeing them: a person must tell the radiologist first.
            return new MatchDecision.Unmatched("Request " + request.accession() + " is being read now: these images arrived"
                    + " after reading began and would not be seen before the report is signed. Tell the radiologist,"
                    + " then link the study by hand");
        }
        return statusAllowsAttaching(request).<MatchDecision>map(MatchDecision.Unmatched::new)
                .orElseGet(() -> new MatchDecision.Matched(request));
    }

    /**
     * A reason the request cannot take images in its present state, if any, automatically or by hand.
     * A reported or released request is off every reading worklist, so images attached to it would
     * never be read: they need a request of their own.
     */
    static Optional<String> statusAllowsAttaching(ImagingRequest request) {
        if (request.status() == RequestStatus.REPORTED || request.status() == RequestStatus.RELEASED) {
            return Optional.of("Request " + request.accession() + " is already " + request.status().label().toLowerCase(
                    java.util.Locale.ROOT) + ": images attached to it would never be read. Create a new request for"
                    + " them and link the study to it by hand");
        }
        if (request.status() == RequestStatus.CANCELLED) {
            return Optional.of("Request " + request.accession() + " was cancelled"
                    + (request.cancelReason() == null ? "" : " (" + request.cancelReason() + ")"));
        }
        if (request.status() == RequestStatus.REQUESTED) {
            return Optional.of("Request " + request.accession() + " is not scheduled yet; once it is, link the study");
        }
        return Optional.empty();
    }
}
