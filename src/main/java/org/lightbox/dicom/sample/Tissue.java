package org.lightbox.dicom.sample;

/**
 * What a point of a phantom is made of, with how it looks in each contrast the demo studies use.
 * CT values are Hounsfield units; the MR values are signal levels on a 12-bit scale, chosen so that
 * the tissues keep their familiar order (fat bright on T1 and PD, fluid dark on T1, cortex, menisci
 * and ligaments dark on both).
 */
enum Tissue {
    AIR(-1000, 0, 0),
    LUNG(-850, 20, 20),
    FAT(-100, 1500, 1700),
    SOFT_TISSUE(40, 700, 600),
    MUSCLE(50, 650, 550),
    SKIN(60, 900, 800),
    GREY_MATTER(40, 900, 600),
    WHITE_MATTER(25, 800, 750),
    CSF(8, 1300, 150),
    /** A small hyperdense lesion, as a fresh haemorrhage looks on CT. */
    LESION(65, 1000, 700),
    VITREOUS(10, 1300, 150),
    BLOOD(45, 60, 60),
    CONTRAST_BLOOD(220, 60, 60),
    MYOCARDIUM(110, 700, 600),
    LIVER(60, 750, 650),
    MARROW(320, 1350, 1500),
    CORTICAL_BONE(1350, 40, 40),
    SKULL(1250, 40, 40),
    CARTILAGE(100, 1100, 700),
    MENISCUS(90, 80, 80),
    LIGAMENT(80, 100, 100),
    JOINT_FLUID(5, 1250, 200);

    private final int hounsfield;
    private final int protonDensitySignal;
    private final int t1Signal;

    Tissue(int hounsfield, int protonDensitySignal, int t1Signal) {
        this.hounsfield = hounsfield;
        this.protonDensitySignal = protonDensitySignal;
        this.t1Signal = t1Signal;
    }

    int hounsfield() {
        return hounsfield;
    }

    int protonDensitySignal() {
        return protonDensitySignal;
    }

    int t1Signal() {
        return t1Signal;
    }

    /** Linear attenuation per mm at a typical radiographic energy, from the CT number (water 0.02/mm). */
    double attenuationPerMm() {
        return Math.max(0, 0.02 * (1 + hounsfield / 1000.0));
    }
}
