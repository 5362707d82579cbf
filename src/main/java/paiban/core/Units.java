package paiban.core;

/** Print measures: PDF and the layouts' CSS count in points, a designer and the plant in millimetres. */
public final class Units {

    /** PostScript points in a millimetre: 72 to the inch, 25.4 mm to the inch. */
    public static final float POINTS_PER_MM = 72f / 25.4f;

    private Units() {
    }
}
