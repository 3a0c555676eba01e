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
        return statusAllowsAttaching(request).<MatchDecision>map(MatchDecision.Unmatched::new)
                .orElseGet(() -> new MatchDecision.Matched(request));
    }

    /** A reason the request cannot take images in its present state, if any. */
    static Optional<String> statusAllowsAttaching(ImagingRequest request) {
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
