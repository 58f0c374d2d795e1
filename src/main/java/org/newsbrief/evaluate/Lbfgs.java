package org.newsbrief.evaluate;

/**
 * Limited-memory BFGS (Nocedal, "Updating quasi-Newton matrices with limited storage", 1980; Liu
 * and Nocedal, 1989) with a backtracking line search on the Armijo condition. Every step runs in a
 * fixed order, so the same function and start give the same result bit for bit.
 */
final class Lbfgs {

    /** A differentiable function to minimize. */
    interface Function {
        /**
         * @param x the point
         * @param gradient receives the gradient at {@code x}
         * @return the value at {@code x}
         */
        double evaluate(double[] x, double[] gradient);
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final double SMALLEST_STEP = 1e-12;

    private Lbfgs() {}

    /**
     * @param function what to minimize
     * @param start the first point; not changed
     * @param maxIterations at most this many steps
     * @param tolerance stop once a step lowers the value by less than this share of it
     * @return the last point reached
     */
    static double[] minimize(Function function, double[] start, int maxIterations, double tolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] gradient = new double[n];
        double value = function.evaluate(x, gradient);
        double[][] steps = new double[MEMORY][];
        double[][] changes = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            // two-loop recursion: direction = H * gradient, H the inverse Hessian estimate
            double[] direction = gradient.clone();
            int kept = Math.min(stored, MEMORY);
            for (int i = 0; i < kept; i++) {
                int j = Math.floorMod(stored - 1 - i, MEMORY);
                alpha[j] = rho[j] * dot(steps[j], direction);
                add(-alpha[j], changes[j], direction);
            }
            if (stored > 0) {
                int j = Math.floorMod(stored - 1, MEMORY);
                scale(dot(steps[j], changes[j]) / dot(changes[j], changes[j]), direction);
            } else {
                scale(1 / Math.max(Math.sqrt(dot(gradient, gradient)), 1e-300), direction);
            }
            for (int i = kept - 1; i >= 0; i--) {
                int j = Math.floorMod(stored - 1 - i, MEMORY);
                add(alpha[j] - rho[j] * dot(changes[j], direction), steps[j], direction);
            }
            double slope = -dot(gradient, direction);
            if (slope >= 0) { // not a descent direction: fall back to the gradient
                direction = gradient.clone();
                slope = -dot(gradient, gradient);
            }
            double step = 1;
            double[] next = new double[n];
            double[] nextGradient = new double[n];
            double nextValue;
            while (true) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] - step * direction[i];
                }
                nextValue = function.evaluate(next, nextGradient);
                if (nextValue <= value + ARMIJO * step * slope || step < SMALLEST_STEP) {
                    break;
                }
                step /= 2;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = next[i] - x[i];
                y[i] = nextGradient[i] - gradient[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12) {
                int j = stored % MEMORY;
                steps[j] = s;
                changes[j] = y;
                rho[j] = 1 / sy;
                stored++;
            }
            double decrease = (value - nextValue) / Math.max(1, Math.abs(value));
            x = next;
            gradient = nextGradient;
            value = nextValue;
            if (decrease < tolerance) {
                break;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void add(double factor, double[] x, double[] into) {
        for (int i = 0; i < x.length; i++) {
            into[i] += factor * x[i];
        }
    }

    private static void scale(double factor, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
    }
}
