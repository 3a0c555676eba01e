package org.lightbox.report;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) between two versions' text, for the version history. */
public final class TextDiff {
    /** One line of the diff: kept, added in the newer text, or removed from the older. */
    public record Line(Kind kind, String text) {
    }

    public enum Kind { SAME, ADDED, REMOVED }

    private TextDiff() {
    }

    public static List<Line> lines(String older, String newer) {
        String[] a = older.isEmpty() ? new String[0] : older.split("\n", -1);
        String[] b = newer.isEmpty() ? new String[0] : newer.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                diff.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            diff.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            diff.add(new Line(Kind.ADDED, b[j++]));
        }
        return diff;
    }
}
