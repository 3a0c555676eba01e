package org.lightbox.ingest.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MultipartReader;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.lightbox.dicom.PersonName;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.net.StudyQuery;

/**
 * A DICOMweb client for a PACS (PS3.18): QIDO-RS to search studies, WADO-RS to retrieve a
 * study's instances as they are stored (any transfer syntax). Tested against Orthanc's DICOMweb
 * plugin; nothing in it is specific to Orthanc.
 */
public final class DicomWebClient {
    /** PS3.18 8.7.3.5: ask for the stored transfer syntax; the PACS must not transcode. */
    private static final String ANY_SYNTAX = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final String DICOM_JSON = "application/dicom+json";
    /** The attributes QIDO-RS returns by default (PS3.18 10.6.3.3.1) lack these. */
    private static final java.util.List<String> INCLUDE = java.util.List.of("00081030", "00080061", "00201208", "00100030");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    /** A client with its own connection pool and timeouts suited to a PACS on the hospital network. */
    public static DicomWebClient connect(String baseUrl, String user, String password) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(java.time.Duration.ofSeconds(10))
                .readTimeout(java.time.Duration.ofMinutes(2)).build();
        return new DicomWebClient(http, baseUrl, user, password);
    }

    /**
     * @param baseUrl  the DICOMweb root, e.g. {@code http://pacs:8042/dicom-web}
     * @param user     for HTTP basic authentication; null for none
     */
    DicomWebClient(OkHttpClient http, String baseUrl, String user, String password) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
        }
        this.http = http;
        this.base = parsed;
        this.authorization = user == null ? null : Credentials.basic(user, password == null ? "" : password);
    }

    /** QIDO-RS {@code GET {base}/studies?...}; an empty list when nothing matches. */
    public List<RemoteStudy> searchStudies(StudyQuery query) throws DicomWebException {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("studies");
        addIfPresent(url, "PatientID", query.patientId());
        addIfPresent(url, "PatientName", query.patientName());
        addIfPresent(url, "AccessionNumber", query.accessionNumber());
        addIfPresent(url, "StudyInstanceUID", query.studyInstanceUid());
        addIfPresent(url, "StudyDate", query.studyDateRange()); // PS3.18 8.3.4.1: the DA range as C-FIND takes it
        // One parameter per attribute: PS3.18 allows a comma-separated list too, but not every PACS reads it.
        INCLUDE.forEach(tag -> url.addQueryParameter("includefield", tag));
        try (Response response = http.newCall(request(url.build(), DICOM_JSON)).execute()) {
            checkOk(response, "search studies");
            if (response.code() == 204) {
                return List.of();
            }
            List<RemoteStudy> studies = new ArrayList<>();
            for (JsonNode study : json.readTree(response.body().byteStream())) {
                String uid = text(study, "0020000D");
                if (!uid.isEmpty()) {
                    studies.add(remoteStudy(study, uid));
                }
            }
            return studies;
        } catch (IOException e) {
            throw new DicomWebException("Cannot search studies on " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * WADO-RS {@code GET {base}/studies/{uid}}: writes each instance of the study into {@code folder}.
     *
     * @return the files written, one per instance
     */
    public List<Path> retrieveStudy(String studyInstanceUid, Path folder) throws DicomWebException {
        return retrieveStudy(studyInstanceUid, folder, null, RetrieveProgress.NONE);
    }

    /**
     * As {@link #retrieveStudy(String, Path)}, telling {@code progress} of each instance; when it is
     * cancelled, stops reading (closing the response ends the transfer) and returns what arrived.
     */
    public List<Path> retrieveStudy(String studyInstanceUid, Path folder, Integer expected, RetrieveProgress progress)
            throws DicomWebException {
        HttpUrl url = base.newBuilder().addPathSegment("studies").addPathSegment(studyInstanceUid).build();
        List<Path> files = new ArrayList<>();
        try (Response response = http.newCall(request(url, ANY_SYNTAX)).execute()) {
            checkOk(response, "retrieve study " + studyInstanceUid);
            Files.createDirectories(folder);
            ResponseBody body = response.body();
            try (MultipartReader parts = new MultipartReader(body)) {
                for (MultipartReader.Part next = parts.nextPart(); next != null; next = parts.nextPart()) {
                    try (MultipartReader.Part part = next; InputStream in = part.body().inputStream()) {
                        Path file = folder.resolve(String.format("%06d.dcm", files.size() + 1));
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                        files.add(file);
                    }
                    progress.received(files.size(), expected);
                    if (progress.isCancelled()) {
                        break;
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new DicomWebException("Cannot retrieve study " + studyInstanceUid + " from " + base + ": "
                    + e.getMessage(), e);
        }
    }

    private Request request(HttpUrl url, String accept) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private void checkOk(Response response, String what) throws DicomWebException {
        if (response.code() == 401 || response.code() == 403) {
            throw new DicomWebException("The PACS at " + base + " refused to " + what + " (HTTP " + response.code()
                    + "): check the user name and password");
        }
        if (response.code() == 404) {
            throw new DicomWebException("The PACS at " + base + " has nothing at " + response.request().url().encodedPath()
                    + " (HTTP 404): check the DICOMweb address, or the study is not there");
        }
        if (!response.isSuccessful()) {
            throw new DicomWebException("The PACS at " + base + " could not " + what + " (HTTP " + response.code() + ")");
        }
    }

    private static void addIfPresent(HttpUrl.Builder url, String key, String value) {
        if (!value.isEmpty()) {
            url.addQueryParameter(key, value);
        }
    }

    /** PS3.18 F.2: DICOM JSON, attributes by tag; PN values are objects with Alphabetic/Ideographic/Phonetic. */
    private static RemoteStudy remoteStudy(JsonNode study, String uid) {
        JsonNode name = first(study, "00100010");
        String pn = name == null ? "" : String.join("=", name.path("Alphabetic").asText(""),
                name.path("Ideographic").asText(""), name.path("Phonetic").asText("")).replaceAll("=+$", "");
        List<String> modalities = new ArrayList<>();
        study.path("00080061").path("Value").forEach(m -> modalities.add(m.asText()));
        LocalDate date = date(text(study, "00080020"));
        LocalTime time = time(text(study, "00080030"));
        JsonNode instances = first(study, "00201208");
        return new RemoteStudy(uid, text(study, "00080050"), text(study, "00100020"), PersonName.parse(pn),
                date(text(study, "00100030")), date == null ? null : date.atTime(time == null ? LocalTime.MIDNIGHT : time),
                text(study, "00081030"), modalities, instances == null ? null : instances.asInt());
    }

    private static JsonNode first(JsonNode study, String tag) {
        JsonNode values = study.path(tag).path("Value");
        return values.isArray() && values.size() > 0 ? values.get(0) : null;
    }

    private static String text(JsonNode study, String tag) {
        JsonNode value = first(study, tag);
        return value == null ? "" : value.asText("").strip();
    }

    private static LocalDate date(String da) {
        try {
            return da.length() == 8 ? LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String tm) {
        String digits = tm.contains(".") ? tm.substring(0, tm.indexOf('.')) : tm;
        try {
            return digits.length() >= 4 ? LocalTime.parse((digits + "00").substring(0, 6),
                    DateTimeFormatter.ofPattern("HHmmss")) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
