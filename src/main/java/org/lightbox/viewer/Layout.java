package org.lightbox.viewer;

/** How many viewports the viewer shows, and in which grid. */
public enum Layout {
    ONE(1, 1, "1x1"),
    SIDE_BY_SIDE(1, 2, "1x2"),
    FOUR(2, 2, "2x2");

    private final int rows;
    private final int columns;
    private final String label;

    Layout(int rows, int columns, String label) {
        this.rows = rows;
        this.columns = columns;
        this.label = label;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int viewports() {
        return rows * columns;
    }

    public String label() {
        return label;
    }
}
