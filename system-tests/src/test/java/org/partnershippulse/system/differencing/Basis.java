package org.partnershippulse.system.differencing;

import java.util.ArrayList;
import java.util.List;

/**
 * A row space over the prime field GF(2^61 − 1), kept in echelon form: exact linear algebra without fractions.
 * The rows are small integers (0/1 indicators, option scores), so a rank over this field equals the rank over the
 * rationals except with a probability far below anything a test run could meet.
 */
final class Basis {

    static final long P = (1L << 61) - 1;

    private final int width;
    private final List<long[]> rows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    Basis(int width) {
        this.width = width;
    }

    int width() {
        return width;
    }

    int rank() {
        return rows.size();
    }

    /** Adds the row; true when it was independent of the rows before. */
    boolean add(long[] row) {
        long[] v = reduce(row);
        int pivot = firstNonZero(v);
        if (pivot < 0) {
            return false;
        }
        long inv = inverse(v[pivot]);
        for (int i = pivot; i < width; i++) {
            v[i] = mul(v[i], inv);
        }
        rows.add(v);
        pivots.add(pivot);
        return true;
    }

    /** Whether the row is a linear combination of the rows added. */
    boolean spans(long[] row) {
        return firstNonZero(reduce(row)) < 0;
    }

    /** The rows, with the given columns set to zero: the observations once those unknowns are hidden from view. */
    Basis without(boolean[] columns) {
        Basis out = new Basis(width);
        for (long[] r : rows) {
            long[] copy = r.clone();
            for (int i = 0; i < width; i++) {
                if (columns[i]) {
                    copy[i] = 0;
                }
            }
            out.add(copy);
        }
        return out;
    }

    /** Rows are reduced in insertion order: a later row has zeros at every earlier pivot. */
    private long[] reduce(long[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("row of " + row.length + " columns for a basis of " + width);
        }
        long[] v = new long[width];
        for (int i = 0; i < width; i++) {
            v[i] = normal(row[i]);
        }
        for (int k = 0; k < rows.size(); k++) {
            int p = pivots.get(k);
            long f = v[p];
            if (f != 0) {
                long[] r = rows.get(k);
                for (int i = p; i < width; i++) {
                    if (r[i] != 0) {
                        v[i] = sub(v[i], mul(f, r[i]));
                    }
                }
            }
        }
        return v;
    }

    private static int firstNonZero(long[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                return i;
            }
        }
        return -1;
    }

    static long normal(long x) {
        long r = x % P;
        return r < 0 ? r + P : r;
    }

    static long sub(long a, long b) {
        long r = a - b;
        return r < 0 ? r + P : r;
    }

    /** a·b mod 2^61 − 1 for a, b below the modulus: 2^61 ≡ 1, so the product's high bits fold onto its low bits. */
    static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61);
        return r >= P ? r - P : r;
    }

    static long inverse(long a) {
        long result = 1;
        long base = a;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = mul(result, base);
            }
            base = mul(base, base);
            e >>>= 1;
        }
        return result;
    }
}
