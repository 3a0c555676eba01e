package org.lightbox.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/**
 * Suggests the next free accession number: "A" + the date + a daily counter (A2611230007), short
 * enough for DICOM's 16 characters and readable over the phone. The user may type another.
 */
public final class AccessionNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private final Database database;
    private final Clock clock;

    public AccessionNumbers(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public String next() {
        String prefix = "A" + DAY.format(LocalDate.now(clock));
        return database.read(c -> {
            long n = Sql.count(c, "SELECT count(*) FROM imaging_request WHERE accession LIKE ?", prefix + "%") + 1;
            String candidate = prefix + String.format("%04d", n);
            while (Sql.count(c, "SELECT count(*) FROM imaging_request WHERE accession = ?", candidate) > 0) {
                candidate = prefix + String.format("%04d", ++n);
            }
            return candidate;
        });
    }
}
