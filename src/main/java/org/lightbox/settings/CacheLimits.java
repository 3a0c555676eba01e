package org.lightbox.settings;

/** What the frame-cache field accepts on this workstation, and what 0 (automatic) comes to here. */
public record CacheLimits(int minMegabytes, int maxMegabytes, int automaticMegabytes) {
}
