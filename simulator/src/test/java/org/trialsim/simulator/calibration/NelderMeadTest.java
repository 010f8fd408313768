package org.trialsim.simulator.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NelderMeadTest {

    @Test
    void findsTheMinimumOfAQuadraticInsideTheBox() {
        NelderMead.Result r = NelderMead.minimize(x -> sq(x[0] - 0.3) + 4 * sq(x[1] - 0.7) + sq(x[2] - 0.5), new double[] {0.9, 0.1, 0.5},
                0.15, 1e-6, 2_000, used -> { });
        assertThat(r.converged()).isTrue();
        assertThat(r.point()[0]).isCloseTo(0.3, within(1e-5));
        assertThat(r.point()[1]).isCloseTo(0.7, within(1e-5));
        assertThat(r.point()[2]).isCloseTo(0.5, within(1e-5));
    }

    @Test
    void findsRosenbrocksValleyScaledIntoTheBox() {
        // Rosenbrock's function on [-2, 2]^2, minimum 0 at (1, 1), i.e. (0.75, 0.75) in the box
        NelderMead.Result r = NelderMead.minimize(u -> {
            double x = 4 * u[0] - 2;
            double y = 4 * u[1] - 2;
            return sq(1 - x) + 100 * sq(y - x * x);
        }, new double[] {0.2, 0.6}, 0.15, 1e-7, 5_000, used -> { });
        assertThat(r.point()[0]).isCloseTo(0.75, within(1e-4));
        assertThat(r.point()[1]).isCloseTo(0.75, within(1e-4));
    }

    @Test
    void oneParameterIsSearchedToo() {
        NelderMead.Result r = NelderMead.minimize(x -> Math.abs(x[0] - 0.123), new double[] {0.8}, 0.15, 1e-6, 500, used -> { });
        assertThat(r.converged()).isTrue();
        assertThat(r.point()[0]).isCloseTo(0.123, within(1e-5));
    }

    @Test
    void aMinimumOutsideTheBoxIsFoundOnItsFace() {
        NelderMead.Result r = NelderMead.minimize(x -> sq(x[0] + 1) + sq(x[1] - 0.4), new double[] {0.5, 0.5}, 0.15, 1e-6, 1_000,
                used -> { });
        assertThat(r.point()[0]).isEqualTo(0.0);
        assertThat(r.point()[1]).isCloseTo(0.4, within(1e-5));
    }

    @Test
    void stopsAtTheEvaluationLimitWithTheBestPointSeen() {
        List<Integer> told = new ArrayList<>();
        double[] best = {Double.POSITIVE_INFINITY};
        NelderMead.Result r = NelderMead.minimize(x -> {
            double v = sq(x[0] - 0.3) + sq(x[1] - 0.6);
            best[0] = Math.min(best[0], v);
            return v;
        }, new double[] {0.9, 0.1}, 0.15, 1e-12, 12, told::add);
        assertThat(r.converged()).isFalse();
        assertThat(r.evaluations()).isEqualTo(12);
        assertThat(told).hasSize(12).endsWith(12);
        assertThat(r.value()).isEqualTo(best[0]);
    }

    @Test
    void pointsThatCannotBeEvaluatedAreAvoided() {
        NelderMead.Result r = NelderMead.minimize(x -> x[0] > 0.5 ? Double.POSITIVE_INFINITY : sq(x[0] - 0.45), new double[] {0.1},
                0.15, 1e-6, 500, used -> { });
        assertThat(r.point()[0]).isCloseTo(0.45, within(1e-5));
    }

    @Test
    void theSamePathEveryTime() {
        NelderMead.Result a = NelderMead.minimize(x -> Math.floor(100 * (sq(x[0] - 0.3) + sq(x[1] - 0.2))), new double[] {0.9, 0.9},
                0.15, 1e-4, 300, used -> { });
        NelderMead.Result b = NelderMead.minimize(x -> Math.floor(100 * (sq(x[0] - 0.3) + sq(x[1] - 0.2))), new double[] {0.9, 0.9},
                0.15, 1e-4, 300, used -> { });
        assertThat(a.point()).containsExactly(b.point());
        assertThat(a.evaluations()).isEqualTo(b.evaluations());
    }

    private static double sq(double x) {
        return x * x;
    }
}
