package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.DAMAGED;
import static org.lightbox.dicom.DicomReadException.Reason.EMPTY_DIRECTORY;
import static org.lightbox.dicom.DicomReadException.Reason.WRONG_KIND;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lists the files a DICOMDIR (the index on a patient CD or in an exported folder) refers to.
 *
 * <p>Every directory record that carries a Referenced File ID (0004,1500) is taken, in the order
 * the DICOMDIR lists them, without walking the patient/study/series tree by its record offsets
 * (PS3.3 F.3): the flat list is all an import needs, and it survives the wrong offsets some CD
 * burners write.
 */
public final class DicomDirReader {

    static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

    private final DataSetReader dataSets = new DataSetReader();

    /**
     * @return the referenced files, resolved against the DICOMDIR's folder; a file the DICOMDIR
     *         names but the medium lacks is still listed, so that reading it reports it as missing
     * @throws DicomReadException if the file is not a readable DICOMDIR, lists no files, or refers
     *                            outside its own folder
     */
    public List<Path> referencedFiles(Path dicomdir) throws DicomReadException {
        Path folder = dicomdir.toAbsolutePath().getParent();
        List<List<String>> fileIds = dataSets.read(dicomdir, DataSetReader.Extent.WHOLE_FILE,
                parsed -> fileIds(dicomdir, parsed));
        if (fileIds.isEmpty()) {
            throw new DicomReadException(dicomdir, EMPTY_DIRECTORY,
                    "the DICOMDIR lists no files; the CD or export may be incomplete");
        }
        CaseInsensitiveFolders folders = new CaseInsensitiveFolders();
        Set<Path> files = new LinkedHashSet<>();
        for (List<String> fileId : fileIds) {
            files.add(folders.resolve(folder, fileId));
        }
        return List.copyOf(files);
    }

    private static List<List<String>> fileIds(Path dicomdir, DataSetReader.Parsed parsed) throws DicomReadException {
        AttributeList list = parsed.attributes();
        Attribute records = list.get(TagFromName.DirectoryRecordSequence);
        boolean isDicomdir = DICOMDIR_SOP_CLASS.equals(parsed.mediaStorageSopClassUid());
        if (!isDicomdir && records == null) {
            throw new DicomReadException(dicomdir, WRONG_KIND,
                    "not a DICOMDIR (a DICOM file of another kind: import it as a file)");
        }
        List<List<String>> fileIds = new ArrayList<>();
        if (!(records instanceof SequenceAttribute sequence)) {
            return fileIds;
        }
        for (Iterator<SequenceItem> items = sequence.iterator(); items.hasNext(); ) {
            List<String> fileId = List.of(new DataSet(items.next().getAttributeList()).values(TagFromName.ReferencedFileID));
            if (!fileId.isEmpty() && !fileId.stream().allMatch(String::isEmpty)) {
                fileIds.add(checked(dicomdir, fileId));
            }
        }
        return fileIds;
    }

    /**
     * PS3.10 8.2 restricts File ID components to upper-case letters, digits and underscore; real
     * media break that rule in harmless ways (lower case, extensions), which we accept. A component
     * that would leave the DICOMDIR's folder is not harmless.
     */
    private static List<String> checked(Path dicomdir, List<String> fileId) throws DicomReadException {
        for (String component : fileId) {
            if (component.isEmpty() || component.equals(".") || component.equals("..")
                    || component.contains("/") || component.contains(":")) {
                throw new DicomReadException(dicomdir, DAMAGED, "the DICOMDIR refers to \"" + String.join("\\", fileId)
                        + "\", which is not a file inside its folder");
            }
        }
        return fileId;
    }

    /**
     * CD file systems are case-insensitive and Linux often mounts them lower-cased, while the
     * DICOMDIR names files in upper case: fall back to a case-insensitive match per component.
     */
    private static final class CaseInsensitiveFolders {
        private final Map<Path, Map<String, Path>> listings = new HashMap<>();

        Path resolve(Path folder, List<String> fileId) {
            Path path = folder;
            for (String component : fileId) {
                Path exact = path.resolve(component);
                path = Files.exists(exact) ? exact : listing(path).getOrDefault(key(component), exact);
            }
            return path;
        }

        private Map<String, Path> listing(Path folder) {
            return listings.computeIfAbsent(folder, f -> {
                Map<String, Path> byName = new HashMap<>();
                if (Files.isDirectory(f)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(f)) {
                        entries.forEach(entry -> byName.putIfAbsent(key(entry.getFileName().toString()), entry));
                    } catch (IOException e) {
                        // an unreadable folder: the exact path stands, and reading it will say why
                    }
                }
                return byName;
            });
        }

        private static String key(String name) {
            return name.toUpperCase(Locale.ROOT).replaceFirst(";1$", ""); // ISO 9660 version suffix
        }
    }
}
