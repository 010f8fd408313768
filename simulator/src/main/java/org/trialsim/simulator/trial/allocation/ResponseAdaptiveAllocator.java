package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Design;

/**
 * {@link AllocationMethod.ResponseAdaptive}: the ratio during the burn-in, then probabilities that follow
 * the arms' Beta posteriors, recomputed at each update from the results known by the update's day.
 *
 * <p>While the allocation is the ratio (the burn-in, or a power of 0 without a control share) an arm is
 * drawn with one {@code nextInt(Σw)}, the draw of simple randomization, so that such a design allocates
 * exactly as the ratio does on the same stream; otherwise with one {@code nextDouble()}.
 */
final class ResponseAdaptiveAllocator extends Allocator implements ResponseLearning {
    private final AllocationMethod.ResponseAdaptive method;
    private final Design.ResponseAdaptive settings;
    private final int total;
    private final double power;
    private final boolean growing;
    private final int burnIn;
    private final int updateEvery;
    private final double updateEveryDays;
    private final double min;
    private final double max;
    private final double[] priorAlpha;
    private final double[] priorBeta;
    private int control = -1;
    private int planned = 1;

    private final int[] responses;
    private final int[] nonResponses;
    private double[] pendingDay = new double[16];
    private int[] pendingArm = new int[16];
    private boolean[] pendingResponse = new boolean[16];
    private int pending;
    /** P(arm is best) from the counts, valid until a result is added to them. */
    private final double[] best;
    private boolean bestValid;
    private final double[] probability;
    private final boolean[] fixed;
    private boolean byRatio;
    private double today;
    private double nextUpdateDay;

    ResponseAdaptiveAllocator(AllocationMethod.ResponseAdaptive method, int[] weights, int[] factorLevels, UniformRandomProvider rng) {
        super(method, weights, factorLevels, rng);
        this.method = method;
        this.settings = method.settings();
        int t = 0;
        for (int w : this.weights) {
            t += w;
        }
        this.total = t;
        this.power = method.power();
        this.growing = settings.growth() == Design.ResponseAdaptive.Growth.SAMPLE_FRACTION;
        this.burnIn = method.burnIn();
        this.updateEvery = method.updateEvery();
        this.updateEveryDays = method.updateEveryDays();
        this.min = method.minProbability();
        this.max = method.maxProbability();
        if (arms * min > 1 + 1e-12 || arms * max < 1 - 1e-12) {
            throw new IllegalArgumentException("the probabilities of " + arms + " arms cannot all lie within [" + min + ", " + max
                    + "] and sum to 1");
        }
        for (int a = 0; a < arms; a++) {
            double share = (double) this.weights[a] / total;
            if (share < min - 1e-12 || share > max + 1e-12) {
                throw new IllegalArgumentException("arm " + a + "'s share " + share + " of the ratio " + ratio(this.weights)
                        + " is outside [" + min + ", " + max + "]");
            }
        }
        this.priorAlpha = new double[arms];
        this.priorBeta = new double[arms];
        Arrays.fill(priorAlpha, 1);
        Arrays.fill(priorBeta, 1);
        this.responses = new int[arms];
        this.nonResponses = new int[arms];
        this.best = new double[arms];
        this.probability = new double[arms];
        this.fixed = new boolean[arms];
        clear();
    }

    @Override
    public void arms(List<String> armIds, int sampleSize) {
        if (armIds.size() != arms) {
            throw new IllegalArgumentException(armIds.size() + " arm ids for " + arms + " arms");
        }
        for (int a = 0; a < arms; a++) {
            Design.BetaPrior prior = settings.priors().get(armIds.get(a));
            if (prior != null) {
                priorAlpha[a] = prior.alpha();
                priorBeta[a] = prior.beta();
            }
        }
        control = settings.control() == null || settings.controlShare() == null ? -1 : armIds.indexOf(settings.control());
        double share = settings.controlShare() == null ? Double.NaN : settings.controlShare();
        if (control >= 0 && (share < min || share > max || (arms - 1) * min > 1 - share + 1e-12 || (arms - 1) * max < 1 - share - 1e-12)) {
            throw new IllegalArgumentException("with the control's share " + share + " the other " + (arms - 1) + " arms cannot all"
                    + " have probabilities within [" + min + ", " + max + "]");
        }
        planned = Math.max(1, sampleSize);
        bestValid = false;
    }

    @Override
    public void today(double day) {
        today = day;
    }

    @Override
    public void result(int arm, double knownFrom, boolean response) {
        if (pending == pendingDay.length) {
            pendingDay = Arrays.copyOf(pendingDay, 2 * pending);
            pendingArm = Arrays.copyOf(pendingArm, 2 * pending);
            pendingResponse = Arrays.copyOf(pendingResponse, 2 * pending);
        }
        pendingDay[pending] = knownFrom;
        pendingArm[pending] = arm;
        pendingResponse[pending] = response;
        pending++;
    }

    @Override
    protected int choose(int[] patientLevels) {
        int n = patients();
        if (n >= burnIn) {
            if (updateEvery > 0) {
                if ((n - burnIn) % updateEvery == 0) {
                    update(n, today);
                }
            } else if (nextUpdateDay != nextUpdateDay) {
                update(n, today);
                nextUpdateDay = today + updateEveryDays;
            } else if (today >= nextUpdateDay) {
                double day = nextUpdateDay + Math.floor((today - nextUpdateDay) / updateEveryDays) * updateEveryDays;
                update(n, day);
                nextUpdateDay = day + updateEveryDays;
            }
        }
        if (n < burnIn || byRatio) {
            return drawByWeight(rng, weights, 0, arms, total);
        }
        double u = rng.nextDouble();
        for (int a = 0; a < arms - 1; a++) {
            u -= probability[a];
            if (u < 0) {
                return a;
            }
        }
        return arms - 1;
    }

    @Override
    protected void clear() {
        Arrays.fill(responses, 0);
        Arrays.fill(nonResponses, 0);
        pending = 0;
        bestValid = false;
        byRatio = true;
        for (int a = 0; a < arms; a++) {
            probability[a] = (double) weights[a] / total;
        }
        today = Double.NEGATIVE_INFINITY;
        nextUpdateDay = Double.NaN;
    }

    /** The probability with which the next patient after the burn-in gets the arm, as of the last update. */
    double probability(int arm) {
        return probability[arm];
    }

    /** Whether the allocation is the ratio (before the first update, or at power 0). */
    boolean byRatio() {
        return byRatio;
    }

    @Override
    public int leadingArm() {
        if (byRatio) {
            return -1;
        }
        int lead = 0;
        boolean tie = false;
        for (int a = 1; a < arms; a++) {
            if (probability[a] > probability[lead]) {
                lead = a;
                tie = false;
            } else if (probability[a] == probability[lead]) {
                tie = true;
            }
        }
        return tie ? -1 : lead;
    }

    /** Patients whose results the last update counted, on the arm. */
    int known(int arm) {
        return responses[arm] + nonResponses[arm];
    }

    /** Counts the results known by the day and recomputes the probabilities; n is the stratum's patients so far. */
    private void update(int n, double day) {
        int kept = 0;
        for (int j = 0; j < pending; j++) {
            if (pendingDay[j] <= day) {
                if (pendingResponse[j]) {
                    responses[pendingArm[j]]++;
                } else {
                    nonResponses[pendingArm[j]]++;
                }
                bestValid = false;
            } else {
                pendingDay[kept] = pendingDay[j];
                pendingArm[kept] = pendingArm[j];
                pendingResponse[kept] = pendingResponse[j];
                kept++;
            }
        }
        pending = kept;
        double c = growing ? power * Math.min(1.0, (double) n / planned) : power;
        if (c == 0 && control < 0) {
            byRatio = true;
            for (int a = 0; a < arms; a++) {
                probability[a] = (double) weights[a] / total;
            }
            return;
        }
        byRatio = false;
        if (!bestValid) {
            double[] alpha = new double[arms];
            double[] beta = new double[arms];
            for (int a = 0; a < arms; a++) {
                alpha[a] = priorAlpha[a] + responses[a];
                beta[a] = priorBeta[a] + nonResponses[a];
            }
            System.arraycopy(BestArm.probabilities(alpha, beta), 0, best, 0, arms);
            bestValid = true;
        }
        Arrays.fill(fixed, false);
        double rest = 1;
        if (control >= 0) {
            probability[control] = settings.controlShare();
            fixed[control] = true;
            rest -= probability[control];
        }
        for (int a = 0; a < arms; a++) {
            if (!fixed[a]) {
                probability[a] = weights[a] * Math.pow(best[a], c);
            }
        }
        cap(rest);
    }

    /**
     * Makes the arms not fixed share {@code rest} in proportion to their values, each kept within
     * [min, max]: p_a = clamp(λ·v_a, min, max) with the λ at which they sum to rest (found by
     * bisection; the sum grows with λ). Validation makes sure such a λ exists. If every value is 0
     * (every power underflowed, as when one fixed arm is all but certain to be best) the weights stand
     * in for them.
     */
    private void cap(double rest) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int a = 0; a < arms; a++) {
            if (!fixed[a] && probability[a] > 0) {
                smallest = Math.min(smallest, probability[a]);
            }
        }
        if (smallest == Double.POSITIVE_INFINITY) {
            for (int a = 0; a < arms; a++) {
                if (!fixed[a]) {
                    probability[a] = weights[a];
                }
            }
            smallest = 1;
        }
        double lo = 0;
        double hi = Math.max(1, max) / smallest;
        double[] v = probability.clone();
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (capped(v, mid) < rest) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        for (int a = 0; a < arms; a++) {
            if (!fixed[a]) {
                probability[a] = Math.min(max, Math.max(min, hi * v[a]));
            }
        }
    }

    private double capped(double[] v, double lambda) {
        double sum = 0;
        for (int a = 0; a < arms; a++) {
            if (!fixed[a]) {
                sum += Math.min(max, Math.max(min, lambda * v[a]));
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "ResponseAdaptiveAllocator[" + method + ", " + patients() + " patients, probabilities " + Arrays.toString(probability)
                + "]";
    }
}
