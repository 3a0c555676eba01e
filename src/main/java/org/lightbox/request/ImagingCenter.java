package org.lightbox.request;

/** A site where imaging is performed. */
public record ImagingCenter(String id, String name) {
}
