package org.lightbox.dicom.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@link DemoStudies} into a folder, one sub-folder per study and one per series:
 * PixelMed writes each image as explicit VR little endian, then dcmtk, when installed, re-encodes
 * it into the series' transfer syntax. Everything is seeded, so a second run writes the same bytes.
 */
public final class SampleDicomGenerator {

    private static final Logger log = LoggerFactory.getLogger(SampleDicomGenerator.class);
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    private static final String INSTITUTION = "Lightbox Demo Hospital";

    private final SyntheticInstanceWriter writer;
    private final Optional<DcmtkTranscoder> transcoder;

    /** @param transcoder empty to leave every file explicit VR little endian */
    public SampleDicomGenerator(SyntheticInstanceWriter writer, Optional<DcmtkTranscoder> transcoder) {
        this.writer = writer;
        this.transcoder = transcoder;
    }

    /**
     * Replaces each demo study's folder under {@code folder}; other files there (a README) stay.
     */
    public List<GeneratedStudy> generate(Path folder) throws IOException {
        List<GeneratedStudy> generated = new ArrayList<>();
        for (DemoStudy study : DemoStudies.all()) {
            generated.add(generate(study, folder.resolve(study.folder())));
        }
        return generated;
    }

    private GeneratedStudy generate(DemoStudy study, Path studyFolder) throws IOException {
        deleteRecursively(studyFolder);
        List<DemoSeries> seriesList = DemoStudies.series(study);
        int instances = 0;
        long bytes = 0;
        TreeSet<String> syntaxes = new TreeSet<>();
        for (DemoSeries series : seriesList) {
            SampleTransferSyntax syntax = transcoder.isPresent() ? series.syntax() : SampleTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            syntaxes.add(syntax.description());
            Path seriesFolder = studyFolder.resolve(String.format(Locale.ROOT, "series-%d", series.number()));
            for (int index = 0; index < series.images().count(); index++) {
                Path file = seriesFolder.resolve(String.format(Locale.ROOT, "IM%04d.dcm", index + 1));
                write(instance(study, series, index), syntax, file);
                bytes += Files.size(file);
                instances++;
            }
        }
        log.debug("Wrote {} instances of {} into {}", instances, study.accession(), studyFolder);
        return new GeneratedStudy(study, seriesList.size(), instances, bytes, List.copyOf(syntaxes));
    }

    private void write(SyntheticInstance instance, SampleTransferSyntax syntax, Path file) throws IOException {
        if (!syntax.needsTranscoding()) {
            writer.write(instance, syntax.uid(), file);
            return;
        }
        Path original = file.resolveSibling(file.getFileName() + ".explicit-le.tmp");
        try {
            writer.write(instance, SampleTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), original);
            transcoder.orElseThrow().transcode(original, syntax, file);
        } finally {
            Files.deleteIfExists(original);
        }
    }

    private static SyntheticInstance instance(DemoStudy study, DemoSeries series, int index) {
        SampleImage image = series.images().image(index);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.putAll(patientAndStudy(study));
        attributes.putAll(seriesAttributes(study, series));
        LocalDateTime contentTime = study.performedAt().plusMinutes(series.number() * 4L).plusSeconds(index);
        attributes.put("SOPClassUID", List.of(series.sopClassUid()));
        attributes.put("SOPInstanceUID", List.of(DemoUids.instance(study.number(), series.number(), index + 1)));
        attributes.put("InstanceNumber", List.of(Integer.toString(index + 1)));
        attributes.put("ContentDate", List.of(contentTime.format(DA)));
        attributes.put("ContentTime", List.of(contentTime.format(TM)));
        attributes.put("AcquisitionDate", List.of(contentTime.format(DA)));
        attributes.put("AcquisitionTime", List.of(contentTime.format(TM)));
        attributes.putAll(image.attributes());
        return new SyntheticInstance(attributes, image.pixels());
    }

    private static Map<String, List<String>> patientAndStudy(DemoStudy study) {
        DemoPatient patient = study.patient();
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("SpecificCharacterSet", List.of(patient.specificCharacterSet()));
        attributes.put("PatientName", List.of(patient.dicomName()));
        attributes.put("PatientID", List.of(patient.mrn()));
        attributes.put("IssuerOfPatientID", List.of("LIGHTBOX DEMO"));
        attributes.put("PatientBirthDate", List.of(patient.birthDate().format(DA)));
        attributes.put("PatientSex", List.of(patient.sex()));
        int age = Period.between(patient.birthDate(), study.performedAt().toLocalDate()).getYears();
        attributes.put("PatientAge", List.of(String.format(Locale.ROOT, "%03dY", age)));
        attributes.put("StudyInstanceUID", List.of(study.studyInstanceUid()));
        attributes.put("StudyDate", List.of(study.performedAt().format(DA)));
        attributes.put("StudyTime", List.of(study.performedAt().format(TM)));
        attributes.put("AccessionNumber", study.accession().isEmpty() ? List.of() : List.of(study.accession()));
        attributes.put("StudyID", List.of(Integer.toString(study.number())));
        attributes.put("StudyDescription", List.of(study.description()));
        attributes.put("ReferringPhysicianName", List.of("DEMO^REFERRER"));
        attributes.put("InstitutionName", List.of(INSTITUTION));
        attributes.put("Manufacturer", List.of("Lightbox"));
        attributes.put("ManufacturerModelName", List.of("Synthetic phantom"));
        attributes.put("StationName", List.of("DEMO" + study.modality()));
        return attributes;
    }

    private static Map<String, List<String>> seriesAttributes(DemoStudy study, DemoSeries series) {
        LocalDateTime seriesTime = study.performedAt().plusMinutes(series.number() * 4L);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("Modality", List.of(study.modality()));
        attributes.put("SeriesInstanceUID", List.of(DemoUids.series(study.number(), series.number())));
        attributes.put("SeriesNumber", List.of(Integer.toString(series.number())));
        attributes.put("SeriesDescription", List.of(series.description()));
        attributes.put("ProtocolName", List.of(study.description()));
        attributes.put("BodyPartExamined", List.of(series.bodyPart()));
        attributes.put("SeriesDate", List.of(seriesTime.format(DA)));
        attributes.put("SeriesTime", List.of(seriesTime.format(TM)));
        if (study.modality().equals("CT") || study.modality().equals("MR")) {
            attributes.put("PatientPosition", List.of(series.bodyPart().equals("KNEE") ? "FFS" : "HFS"));
            attributes.put("FrameOfReferenceUID", List.of(DemoUids.frameOfReference(study.number())));
            attributes.put("PositionReferenceIndicator", List.of());
        }
        if (series.bodyPart().equals("KNEE")) {
            attributes.put("Laterality", List.of("L"));
        }
        return attributes;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
