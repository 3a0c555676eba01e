package org.lightbox.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;
import org.lightbox.store.Database;

/**
 * Fills a store with a large synthetic department: patients, requests in every state and worklist
 * items, written directly in one transaction (the services would audit each one: minutes for 100,000).
 */
final class SyntheticWorklist {
    private static final String[] FAMILY = {"Moreau", "Novak", "Rossi", "Ivanov", "Cohen", "Haddad", "Lindgren", "Okoye",
            "Fischer", "Garcia", "Kowalski", "Nakamura", "Silva", "Dubois", "Jensen", "Murphy", "Papadopoulos", "Weber"};
    private static final String[] GIVEN = {"Alice", "Boris", "Chiara", "Dmitri", "Esther", "Omar", "Maja", "Chidi", "Paul",
            "Lucia", "Jan", "Yuki", "Ana", "Marc", "Freja", "Sean", "Eleni", "Lena"};

    private SyntheticWorklist() {
    }

    static void fill(Database db, int requests, Instant now, String radiologistId) {
        Random random = new Random(42);
        ModalityType[] modalities = ModalityType.values();
        RequestStatus[] statuses = RequestStatus.values();
        db.update(c -> {
            try (PreparedStatement patient = c.prepareStatement("INSERT INTO patient(id, mrn, family_name, given_name, birth_date,"
                    + " sex, created_at, updated_at) VALUES (?, ?, ?, ?, '1960-01-01', 'F', 0, 0)");
                 PreparedStatement request = c.prepareStatement("INSERT INTO imaging_request(id, accession, patient_id,"
                         + " ordering_clinician, priority, requested_modality, description, status, ordered_at, performed_at,"
                         + " updated_at) VALUES (?, ?, ?, 'Dr. Marsh', ?, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement item = c.prepareStatement("INSERT INTO worklist_item(id, request_id, assignee_id, status,"
                         + " due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)")) {
                int patients = Math.max(1, requests / 3);
                for (int p = 0; p < patients; p++) {
                    patient.setString(1, "p" + p);
                    patient.setString(2, "MRN-" + p);
                    patient.setString(3, FAMILY[random.nextInt(FAMILY.length)]);
                    patient.setString(4, GIVEN[random.nextInt(GIVEN.length)]);
                    patient.addBatch();
                }
                patient.executeBatch();
                for (int r = 0; r < requests; r++) {
                    Priority priority = r % 10 == 0 ? Priority.STAT : r % 3 == 0 ? Priority.URGENT : Priority.ROUTINE;
                    RequestStatus status = statuses[random.nextInt(statuses.length)];
                    Instant ordered = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 90)));
                    boolean performed = status.ordinal() >= RequestStatus.PERFORMED.ordinal() && status != RequestStatus.CANCELLED;
                    request.setString(1, "r" + r);
                    request.setString(2, "A" + r);
                    request.setString(3, "p" + random.nextInt(patients));
                    request.setString(4, priority.code());
                    request.setString(5, modalities[random.nextInt(modalities.length)].code());
                    request.setString(6, "Exam " + (r % 40));
                    request.setString(7, status.code());
                    request.setLong(8, ordered.toEpochMilli());
                    if (performed) {
                        request.setLong(9, ordered.plusSeconds(3600).toEpochMilli());
                    } else {
                        request.setNull(9, java.sql.Types.INTEGER);
                    }
                    request.addBatch();
                    if (performed) {
                        item.setString(1, "w" + r);
                        item.setString(2, "r" + r);
                        item.setString(3, random.nextInt(4) == 0 ? radiologistId : null);
                        item.setString(4, status.code());
                        item.setLong(5, ordered.plusSeconds(7200).toEpochMilli());
                        item.addBatch();
                    }
                }
                request.executeBatch();
                item.executeBatch();
            }
        });
    }

}
