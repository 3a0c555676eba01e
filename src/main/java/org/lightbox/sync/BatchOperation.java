package org.lightbox.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation of a {@code /batch} request; the path is below the server's mount path ("/classes/X/id"). */
public record BatchOperation(String method, String path, ObjectNode body) {
}
