package org.lightbox.dicom.sample;

import static org.lightbox.dicom.sample.Ellipsoid.at;
import static org.lightbox.dicom.sample.Tissue.AIR;
import static org.lightbox.dicom.sample.Tissue.BLOOD;
import static org.lightbox.dicom.sample.Tissue.CARTILAGE;
import static org.lightbox.dicom.sample.Tissue.CONTRAST_BLOOD;
import static org.lightbox.dicom.sample.Tissue.CORTICAL_BONE;
import static org.lightbox.dicom.sample.Tissue.CSF;
import static org.lightbox.dicom.sample.Tissue.FAT;
import static org.lightbox.dicom.sample.Tissue.GREY_MATTER;
import static org.lightbox.dicom.sample.Tissue.JOINT_FLUID;
import static org.lightbox.dicom.sample.Tissue.LESION;
import static org.lightbox.dicom.sample.Tissue.LIGAMENT;
import static org.lightbox.dicom.sample.Tissue.LIVER;
import static org.lightbox.dicom.sample.Tissue.LUNG;
import static org.lightbox.dicom.sample.Tissue.MARROW;
import static org.lightbox.dicom.sample.Tissue.MENISCUS;
import static org.lightbox.dicom.sample.Tissue.MUSCLE;
import static org.lightbox.dicom.sample.Tissue.MYOCARDIUM;
import static org.lightbox.dicom.sample.Tissue.SKIN;
import static org.lightbox.dicom.sample.Tissue.SKULL;
import static org.lightbox.dicom.sample.Tissue.SOFT_TISSUE;
import static org.lightbox.dicom.sample.Tissue.VITREOUS;
import static org.lightbox.dicom.sample.Tissue.WHITE_MATTER;

import java.util.Random;

/**
 * The bodies the demo studies image: a head (with the face, for the sinus study), a chest and a
 * left knee, drawn with ellipsoids in patient coordinates (mm, LPS: +x is the patient's left, +y
 * posterior, +z towards the head). Crude anatomy, but every structure sits where a radiologist
 * expects it, so window presets and scrolling behave as on real studies.
 */
final class AnatomicalPhantoms {

    private AnatomicalPhantoms() {
    }

    /** @param withLesion adds a small hyperdense lesion in the left frontal lobe (the current study's finding) */
    static TissuePhantom head(boolean withLesion) {
        TissuePhantom head = new TissuePhantom()
                .paint(SOFT_TISSUE, at(0, -20, -45, 60, 75, 40))
                .paint(SKIN, at(0, 5, 45, 80, 98, 82))
                .paint(FAT, at(0, 5, 45, 78, 96, 80))
                .paint(SKULL, at(0, 5, 45, 76, 94, 78))
                .paint(CSF, at(0, 5, 45, 69, 87, 71))
                .paint(GREY_MATTER, at(0, 5, 45, 67, 85, 69))
                .paint(WHITE_MATTER, at(0, 5, 50, 53, 70, 55))
                .paint(CSF, at(0, 5, 72, 1.5, 82, 45))
                .paint(CSF, at(-55, -5, 30, 4, 22, 10).turned(20))
                .paint(CSF, at(55, -5, 30, 4, 22, 10).turned(-20))
                .paint(GREY_MATTER, at(-20, 0, 40, 9, 15, 10))
                .paint(GREY_MATTER, at(20, 0, 40, 9, 15, 10))
                .paint(GREY_MATTER, at(-9, 15, 40, 8, 11, 9))
                .paint(GREY_MATTER, at(9, 15, 40, 8, 11, 9))
                .paint(CSF, at(-9, 0, 55, 6, 28, 13).turned(8))
                .paint(CSF, at(9, 0, 55, 6, 28, 13).turned(-8))
                .paint(CSF, at(0, 8, 38, 2.5, 12, 10));
        posteriorFossa(head);
        face(head);
        if (withLesion) {
            head.paint(LESION, at(28, -30, 62, 6, 6, 6));
        }
        return head;
    }

    private static void posteriorFossa(TissuePhantom head) {
        head.paint(GREY_MATTER, at(0, 48, -2, 45, 32, 24))
                .paint(WHITE_MATTER, at(0, 25, 0, 12, 12, 30))
                .paint(CSF, at(0, 38, 5, 4, 4, 6));
    }

    /** Sinuses, nasal cavity and orbits: what the sinus study is about. */
    private static void face(TissuePhantom head) {
        for (int side : new int[] {-1, 1}) {
            head.paint(SKULL, at(side * 24, -45, -50, 17, 20, 19))
                    .paint(AIR, at(side * 24, -45, -50, 15, 18, 17))
                    .paint(SKULL, at(side * 12, -48, -22, 10, 20, 10))
                    .paint(SKULL, at(side * 62, -20, -40, 5, 30, 5))
                    .paint(SKULL, new Shell(at(side * 33, -55, -12, 19, 24, 18), at(side * 33, -55, -12, 17, 22, 16)))
                    .paint(FAT, at(side * 33, -55, -12, 17, 22, 16))
                    .paint(WHITE_MATTER, at(side * 25, -42, -14, 2.5, 14, 2.5).turned(side * 15))
                    .paint(VITREOUS, at(side * 33, -66, -12, 12, 12, 12))
                    .paint(SOFT_TISSUE, at(side * 33, -77, -12, 4, 2, 4));
            for (int y = -60; y <= -36; y += 8) {
                head.paint(AIR, at(side * 9, y, -22, 3.5, 3.5, 5)).paint(AIR, at(side * 15, y, -22, 3.5, 3.5, 5));
            }
        }
        // Mucosal thickening on the floor of the right maxillary sinus: the sinus study's finding.
        head.paint(SOFT_TISSUE, at(-24, -45, -64, 14, 17, 7))
                .paint(AIR, at(0, -58, -45, 9, 28, 22))
                .paint(SKULL, at(0, -58, -45, 1.2, 26, 20))
                .paint(SOFT_TISSUE, at(-7, -58, -52, 3, 22, 5))
                .paint(SOFT_TISSUE, at(7, -58, -52, 3, 22, 5))
                .paint(SKULL, at(0, -18, -30, 15, 13, 13))
                .paint(AIR, at(0, -18, -30, 13, 11, 11))
                .paint(CORTICAL_BONE, at(0, -55, -76, 28, 22, 6));
    }

    /** A contrast-enhanced chest, neck to upper abdomen, with a small nodule in the right lung. */
    static TissuePhantom chest() {
        TissuePhantom chest = new TissuePhantom()
                .paint(FAT, at(0, 10, -150, 165, 115, 500))
                .paint(MUSCLE, at(0, 10, -150, 155, 105, 500));
        for (int side : new int[] {-1, 1}) {
            chest.paint(MUSCLE, at(side * 170, 15, -60, 40, 45, 110))
                    .paint(LUNG, at(side * 80, 15, -130, 62, 85, 130));
        }
        lungVessels(chest);
        chest.paint(SOFT_TISSUE, at(-60, -20, -110, 5, 5, 5))
                .paint(LIVER, at(-55, 5, -265, 105, 95, 70))
                .paint(SOFT_TISSUE, at(60, 10, -275, 90, 85, 65))
                .paint(AIR, at(70, -20, -235, 25, 25, 18))
                .paint(SOFT_TISSUE, at(0, -5, -130, 38, 75, 150));
        heartAndVessels(chest);
        ribsAndShoulders(chest);
        spine(chest);
        return chest;
    }

    /** Seeded, so that every run draws the same vessels. */
    private static void lungVessels(TissuePhantom chest) {
        Random random = new Random(20250602L);
        for (int i = 0; i < 90; i++) {
            int side = i % 2 == 0 ? -1 : 1;
            double x = side * (40 + random.nextDouble() * 70);
            double y = -40 + random.nextDouble() * 110;
            double z = -230 + random.nextDouble() * 200;
            double radius = 1.5 + random.nextDouble() * 2;
            chest.paint(BLOOD, at(x, y, z, radius, radius, 6 + random.nextDouble() * 14)
                    .tilted(random.nextDouble() * 120 - 60).turned(random.nextDouble() * 180));
        }
    }

    private static void heartAndVessels(TissuePhantom chest) {
        chest.paint(MYOCARDIUM, at(18, -25, -165, 60, 52, 55))
                .paint(CONTRAST_BLOOD, at(35, -20, -165, 25, 22, 30))
                .paint(CONTRAST_BLOOD, at(0, -45, -160, 25, 15, 28))
                .paint(CONTRAST_BLOOD, at(5, 0, -140, 28, 18, 18))
                .paint(CONTRAST_BLOOD, at(5, -20, -100, 15, 15, 45))
                .paint(CONTRAST_BLOOD, at(8, 10, -55, 13, 38, 13).turned(-20))
                .paint(CONTRAST_BLOOD, at(22, 50, -150, 12, 12, 110))
                .paint(CONTRAST_BLOOD, at(22, -25, -110, 14, 14, 20))
                .paint(CONTRAST_BLOOD, at(0, 0, -105, 55, 10, 10))
                .paint(CONTRAST_BLOOD, at(-22, -15, -90, 10, 10, 45))
                .paint(AIR, at(0, 5, -60, 9, 9, 60))
                .paint(AIR, at(-25, 10, -118, 22, 6, 6))
                .paint(AIR, at(25, 10, -118, 22, 6, 6))
                .paint(SOFT_TISSUE, at(5, 30, -120, 7, 6, 120));
    }

    private static void ribsAndShoulders(TissuePhantom chest) {
        for (int rib = 0; rib < 12; rib++) {
            double z = -20 - rib * 22;
            chest.paint(CORTICAL_BONE, new Shell(at(0, 10, z, 148, 100, 6).tilted(15), at(0, 10, z, 141, 93, 9).tilted(15)));
        }
        chest.paint(CORTICAL_BONE, at(0, -97, -120, 16, 7, 80))
                .paint(MARROW, at(0, -97, -120, 13, 4.5, 78));
        for (int side : new int[] {-1, 1}) {
            chest.paint(CORTICAL_BONE, at(side * 70, -50, -5, 60, 8, 8).turned(-side * 10))
                    .paint(CORTICAL_BONE, at(side * 175, 10, -20, 25, 25, 25))
                    .paint(MARROW, at(side * 175, 10, -20, 21, 21, 21));
        }
    }

    private static void spine(TissuePhantom chest) {
        chest.paint(CORTICAL_BONE, new Shell(at(0, 100, -150, 22, 16, 500), at(0, 100, -150, 9, 8, 500)))
                .paint(CORTICAL_BONE, at(0, 125, -150, 5, 15, 500))
                .paint(CORTICAL_BONE, at(0, 75, -150, 21, 19, 500))
                .paint(MARROW, at(0, 75, -150, 18, 16, 500));
        for (double z = 10; z > -320; z -= 28) {
            chest.paint(SOFT_TISSUE, at(0, 75, z, 21, 19, 3));
        }
        chest.paint(CSF, at(0, 100, -150, 9, 8, 500));
    }

    /**
     * A left knee centred on the joint line, lateral (+x) and medial (-x) condyles, the cruciate
     * ligaments crossing in the notch, and a small suprapatellar effusion (the knee study's finding).
     */
    static TissuePhantom knee() {
        TissuePhantom knee = new TissuePhantom()
                .paint(SKIN, at(0, 0, 0, 60, 64, 300))
                .paint(FAT, at(0, 0, 0, 58, 62, 300))
                .paint(MUSCLE, at(0, 12, 90, 50, 45, 120))
                .paint(MUSCLE, at(0, 18, -110, 45, 40, 110))
                .paint(JOINT_FLUID, at(0, 0, -5, 46, 40, 16))
                .paint(JOINT_FLUID, at(0, -30, 45, 28, 9, 25))
                .paint(FAT, at(0, -32, -12, 18, 10, 12));
        bone(knee, at(0, 5, 130, 16, 16, 110), 3);
        for (int side : new int[] {-1, 1}) {
            knee.paint(CARTILAGE, at(side * 21, 6, 18, 24, 30, 24));
            bone(knee, at(side * 21, 6, 18, 21.5, 27.5, 21.5), 2);
        }
        knee.paint(CARTILAGE, at(0, -38, 35, 21, 7, 22));
        bone(knee, at(0, -45, 35, 20, 9, 23), 2);
        knee.paint(CARTILAGE, at(0, 5, -26, 40, 33, 12));
        bone(knee, at(0, 5, -40, 38, 31, 16), 2);
        bone(knee, at(0, 5, -130, 17, 17, 100), 3);
        bone(knee, at(30, 20, -55, 9, 9, 12), 2);
        bone(knee, at(30, 22, -150, 7, 7, 100), 2);
        for (int side : new int[] {-1, 1}) {
            knee.paint(MENISCUS, new Shell(at(side * 21, 6, -10, 19, 24, 4), at(side * 21, 6, -10, 11, 15, 6)));
        }
        return knee.paint(LIGAMENT, at(4, 5, -5, 4, 4, 19).tilted(40))
                .paint(LIGAMENT, at(-3, 18, -10, 5, 5, 19).tilted(-40))
                .paint(LIGAMENT, at(0, -45, -25, 12, 4, 30))
                .paint(LIGAMENT, at(0, -40, 75, 17, 5, 35))
                .paint(LIGAMENT, at(-45, 5, -5, 2.5, 10, 30))
                .paint(LIGAMENT, at(43, 15, -15, 2.5, 6, 28))
                .paint(BLOOD, at(0, 42, 0, 4.5, 4.5, 300));
    }

    private static void bone(TissuePhantom phantom, Ellipsoid outline, double cortex) {
        phantom.paint(CORTICAL_BONE, outline).paint(MARROW, outline.shrunk(cortex));
    }
}
