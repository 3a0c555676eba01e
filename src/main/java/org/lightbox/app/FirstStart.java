package org.lightbox.app;

/** What the window does on a data folder that has no accounts yet. */
enum FirstStart {
    /** An installed workstation: the first-run assistant asks for the folder, the network, the first administrator. */
    ASSISTANT,
    /** Trying Lightbox out ({@code --demo}): demo accounts with generated passwords, demo requests and studies. */
    DEMO,
    /** {@code --demo --no-demo-data}: the demo accounts on an otherwise empty worklist. */
    DEMO_ACCOUNTS_ONLY
}
