package org.lightbox.dicom.net;

import java.nio.file.Path;
import java.util.List;

/** Where a Storage SCP hands the files a peer sent. */
@FunctionalInterface
public interface ReceivedInstances {

    /**
     * Called on a network thread after an association is released (or when the SCP stops), with
     * the files it delivered into the spool folder. The receiver owns the files from
     * then on and should hand them to another thread quickly.
     *
     * @param callingAeTitle the AE title of the sender, as it introduced itself
     */
    void received(String callingAeTitle, List<Path> files);
}
