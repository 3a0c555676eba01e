package org.lightbox.dicom.net;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MoveSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lightbox.dicom.DataSet;
import org.lightbox.dicom.PersonName;

/**
 * Query/Retrieve as an SCU over DIMSE, Study Root information model (PS3.4 C.6.2): C-FIND at
 * STUDY level to find a patient's studies on a PACS, C-MOVE to have the PACS send one to our
 * Storage SCP, and C-ECHO to check the connection. Each call opens and releases its own
 * association.
 */
public final class QueryRetrieveScu {

    /** PS3.4 C.4.2.1.5: the move completed with no failed sub-operation. */
    private static final int SUCCESS = 0x0000;
    /** PS3.4 C.4.2.1.5: sub-operations complete, one or more failures or warnings. */
    private static final int WARNING = 0xB000;

    private static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(new String[] {"ISO_IR 192"});

    private final String callingAeTitle;

    /** @param callingAeTitle our AE title, as the PACS knows us */
    public QueryRetrieveScu(String callingAeTitle) {
        this.callingAeTitle = DicomNode.checkedAeTitle(callingAeTitle);
    }

    /** C-ECHO: whether the PACS accepts an association from us at all. */
    public void echo(DicomNode pacs) throws DimseException {
        try {
            new VerificationSOPClassSCU(pacs.host(), pacs.port(), pacs.aeTitle(), callingAeTitle, false);
        } catch (DicomNetworkException | DicomException | IOException e) {
            throw failure("C-ECHO", pacs, e);
        }
    }

    /** C-FIND at STUDY level; every matching study, in the order the PACS sends them. */
    public List<RemoteStudy> findStudies(DicomNode pacs, StudyQuery query) throws DimseException {
        List<RemoteStudy> studies = new ArrayList<>();
        IdentifierHandler collect = new IdentifierHandler() {
            @Override
            public void doSomethingWithIdentifier(AttributeList identifier) {
                remoteStudy(identifier, studies);
            }
        };
        try {
            new FindSOPClassSCU(pacs.host(), pacs.port(), pacs.aeTitle(), callingAeTitle,
                    SOPClass.StudyRootQueryRetrieveInformationModelFind, identifier(query), collect);
        } catch (DicomNetworkException | DicomException | IOException e) {
            throw failure("C-FIND", pacs, e);
        }
        return studies;
    }

    /**
     * C-MOVE of one study to {@code destinationAeTitle}, which the PACS must know (host and port
     * configured on its side). Returns when the PACS reports the move finished.
     */
    public void moveStudy(DicomNode pacs, String studyInstanceUid, String destinationAeTitle) throws DimseException {
        AttributeList identifier = new AttributeList();
        try {
            put(identifier, TagFromName.QueryRetrieveLevel, "STUDY");
            put(identifier, TagFromName.StudyInstanceUID, studyInstanceUid);
            MoveSOPClassSCU move = new MoveSOPClassSCU(pacs.host(), pacs.port(), pacs.aeTitle(), callingAeTitle,
                    DicomNode.checkedAeTitle(destinationAeTitle), SOPClass.StudyRootQueryRetrieveInformationModelMove,
                    identifier);
            int status = move.getStatus();
            if (status == WARNING) {
                throw new DimseException(pacs + " moved study " + studyInstanceUid + " only in part (status B000):"
                        + " some images failed to reach " + destinationAeTitle);
            }
            if (status != SUCCESS) {
                throw new DimseException(pacs + " refused or failed to move study " + studyInstanceUid + " to "
                        + destinationAeTitle + String.format(" (status %04X; is %s configured on the PACS?)", status,
                        destinationAeTitle));
            }
        } catch (DicomNetworkException | DicomException | IOException e) {
            throw failure("C-MOVE", pacs, e);
        }
    }

    private static AttributeList identifier(StudyQuery query) throws DimseException {
        AttributeList list = new AttributeList();
        try {
            // ISO_IR 192 (UTF-8): we can then send and receive any name (PS3.4 C.2.2.2.4 for PN matching).
            put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
            put(list, TagFromName.QueryRetrieveLevel, "STUDY");
            put(list, TagFromName.PatientID, query.patientId());
            put(list, TagFromName.PatientName, query.patientName());
            put(list, TagFromName.AccessionNumber, query.accessionNumber());
            put(list, TagFromName.StudyInstanceUID, query.studyInstanceUid());
            put(list, TagFromName.StudyDate, query.studyDateRange());
            for (AttributeTag returned : List.of(TagFromName.PatientBirthDate, TagFromName.StudyTime,
                    TagFromName.StudyDescription, TagFromName.ModalitiesInStudy,
                    TagFromName.NumberOfStudyRelatedInstances)) {
                put(list, returned, "");
            }
        } catch (DicomException e) {
            throw new DimseException("Cannot build the C-FIND query: " + e.getMessage(), e);
        }
        return list;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        byte[] vr = AttributeList.getDictionary().getValueRepresentationFromTag(tag);
        Attribute attribute = AttributeFactory.newAttribute(tag, vr, UTF_8);
        if (!value.isEmpty()) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    private static void remoteStudy(AttributeList identifier, List<RemoteStudy> into) {
        DataSet data = DataSet.of(identifier);
        String uid = data.text(TagFromName.StudyInstanceUID);
        if (uid.isEmpty()) {
            return; // a PACS must return the unique key (PS3.4 C.4.1.2.3); a response without one is useless
        }
        LocalDate date = data.date(TagFromName.StudyDate);
        LocalTime time = data.time(TagFromName.StudyTime);
        into.add(new RemoteStudy(uid, data.text(TagFromName.AccessionNumber), data.text(TagFromName.PatientID),
                PersonName.parse(data.text(TagFromName.PatientName)), data.date(TagFromName.PatientBirthDate),
                date == null ? null : date.atTime(time == null ? LocalTime.MIDNIGHT : time),
                data.text(TagFromName.StudyDescription),
                Arrays.stream(data.values(TagFromName.ModalitiesInStudy)).filter(m -> !m.isEmpty()).toList(),
                data.integer(TagFromName.NumberOfStudyRelatedInstances)));
    }

    private DimseException failure(String operation, DicomNode pacs, Exception e) {
        return new DimseException(operation + " to " + pacs + " as " + callingAeTitle + " failed: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + " (is the PACS running, and does it know this AE title?)", e);
    }
}
