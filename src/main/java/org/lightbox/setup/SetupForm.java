package org.lightbox.setup;

/**
 * The first-run assistant's answers as typed. The field names are the ones refusals are reported
 * against ({@link org.lightbox.domain.FieldError#field()}).
 */
public record SetupForm(String dataFolder, String aeTitle, String port, String centralStoreUrl, String applicationId,
        String institution, String adminUsername, String adminDisplayName, char[] password, char[] passwordAgain) {
    public static final String DATA_FOLDER = "dataFolder";
    public static final String AE_TITLE = "aeTitle";
    public static final String PORT = "port";
    public static final String CENTRAL_STORE_URL = "centralStoreUrl";
    public static final String APPLICATION_ID = "applicationId";
    public static final String INSTITUTION = "institution";
    public static final String ADMIN_USERNAME = "adminUsername";
    public static final String ADMIN_DISPLAY_NAME = "adminDisplayName";
    public static final String PASSWORD = "password";
    public static final String PASSWORD_AGAIN = "passwordAgain";
}
