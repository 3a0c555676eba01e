package org.lightbox.request;

/** A site where imaging is performed; an inactive one is kept for the requests that name it, but offered for no new one. */
public record ImagingCenter(String id, String name, boolean active) {
    public ImagingCenter(String id, String name) {
        this(id, name, true);
    }
}
