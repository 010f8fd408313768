package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.trialsim.protocol.Design;

/**
 * {@link AllocationMethod.ResponseAdaptive}: the ratio during the burn-in, then probabilities that follow
 * the arms' Beta posteriors, recomputed at each update from the results known by the update's day: by the
 * thompson rule, or by the doubly adaptive biased coin ({@link #coin}) towards a target from the posterior means.
 *
 * <p>While the allocation is the ratio (the burn-in, or a power of 0 without a control share) an arm is
 * drawn with one {@code nextInt(Σw)}, the draw of simple randomization, so that such a design allocates
 * exactly as the ratio does on the same stream; otherwise with one {@code nextDouble()}. A control
 * matched to the best other arm ({@link #match}) is never drawn by the ratio after the burn-in.
 */
final class ResponseAdaptiveAllocator extends Allocator implements ResponseLearning {
    private final AllocationMethod.ResponseAdaptive method;
    private final Design.ResponseAdaptive settings;
    private final int total;
    private final double power;
    private final boolean growing;
    /** The doubly adaptive biased coin's target, or null for the thompson rule. */
    private final Design.ResponseAdaptive.TargetAllocation target;
    private final double gamma;
    private final int burnIn;
    private final int updateEvery;
    private final double updateEveryDays;
    private final double min;
    private final double max;
    private final double dropBelow;
    private final boolean stops;
    private final double stopAbove;
    private final double stopBelow;
    private final int stopMinPatients;
    private int stopReason;
    private double stopDay;
    /** Arms dropped in the replicate: never allocated again, and out of the comparison of P(arm is best). */
    private final boolean[] dropped;
    private final double[] priorAlpha;
    private final double[] priorBeta;
    private int control = -1;
    /** Whether the control's probability is matched to the largest other arm's instead of fixed. */
    private final boolean matched;
    private int planned = 1;
    /** The coin's working arrays over the arms it steers (all but a fixed-share control): rates, shares, targets, g. */
    private double[] coinRates;
    private double[] coinShares;
    private double[] coinTargets;
    private double[] coinG;

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
        this.target = settings.rule() == Design.ResponseAdaptive.Rule.DBCD ? settings.target() : null;
        this.gamma = method.gamma();
        if (settings.rule() == Design.ResponseAdaptive.Rule.DBCD && target == null) {
            throw new IllegalArgumentException("the doubly adaptive biased coin needs a target (neyman or rsihr)");
        }
        this.burnIn = method.burnIn();
        this.updateEvery = method.updateEvery();
        this.updateEveryDays = method.updateEveryDays();
        this.min = method.minProbability();
        this.max = method.maxProbability();
        this.dropBelow = method.dropBelow();
        this.stops = method.stops();
        this.stopAbove = method.stopSuperiorityAbove();
        this.stopBelow = method.stopFutilityBelow();
        this.stopMinPatients = method.stopMinPatients();
        this.matched = settings.matchesControl();
        if (matched && (target != null || arms < 3)) {
            throw new IllegalArgumentException("a matched control is for the thompson rule with three arms or more, not "
                    + (target != null ? "the doubly adaptive biased coin" : arms + " arms"));
        }
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
        this.dropped = new boolean[arms];
        steer(arms);
        clear();
    }

    /** Sizes the coin's working arrays for the arms it steers. */
    private void steer(int steered) {
        coinRates = new double[steered];
        coinShares = new double[steered];
        coinTargets = new double[steered];
        coinG = new double[steered];
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
        control = settings.control() == null || settings.controlShare() == null && !matched ? -1 : armIds.indexOf(settings.control());
        if (matched && control < 0) {
            throw new IllegalArgumentException("the matched control '" + settings.control() + "' is not one of the arms " + armIds);
        }
        double share = settings.controlShare() == null ? Double.NaN : settings.controlShare();
        if (control >= 0 && (share < min || share > max || (arms - 1) * min > 1 - share + 1e-12 || (arms - 1) * max < 1 - share - 1e-12)) {
            throw new IllegalArgumentException("with the control's share " + share + " the other " + (arms - 1) + " arms cannot all"
                    + " have probabilities within [" + min + ", " + max + "]");
        }
        planned = Math.max(1, sampleSize);
        steer(control >= 0 ? arms - 1 : arms);
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
        int last = arms - 1;
        while (last > 0 && probability[last] == 0) {
            last--; // a dropped arm: rounding must not leave u for it
        }
        for (int a = 0; a < last; a++) {
            u -= probability[a];
            if (u < 0) {
                return a;
            }
        }
        return last;
    }

    @Override
    protected void clear() {
        Arrays.fill(responses, 0);
        Arrays.fill(nonResponses, 0);
        Arrays.fill(dropped, false);
        pending = 0;
        bestValid = false;
        byRatio = true;
        for (int a = 0; a < arms; a++) {
            probability[a] = (double) weights[a] / total;
        }
        today = Double.NEGATIVE_INFINITY;
        nextUpdateDay = Double.NaN;
        stopReason = 0;
        stopDay = Double.NaN;
    }

    /** The probability with which the next patient after the burn-in gets the arm, as of the last update. */
    double probability(int arm) {
        return probability[arm];
    }

    /** Whether the allocation is the ratio (before the first update, or at power 0 of the thompson rule). */
    boolean byRatio() {
        return byRatio;
    }

    /** {@inheritDoc} A matched control, which always shares the highest probability, is left out of the lead. */
    @Override
    public int leadingArm() {
        if (byRatio) {
            return -1;
        }
        int lead = matched && control == 0 ? 1 : 0;
        boolean tie = false;
        for (int a = lead + 1; a < arms; a++) {
            if (matched && a == control) {
                continue;
            }
            if (probability[a] > probability[lead]) {
                lead = a;
                tie = false;
            } else if (probability[a] == probability[lead]) {
                tie = true;
            }
        }
        return tie ? -1 : lead;
    }

    @Override
    public int droppedArms() {
        int mask = 0;
        for (int a = 0; a < arms; a++) {
            mask |= dropped[a] ? 1 << a : 0;
        }
        return mask;
    }

    /** Whether the arm has been dropped in the replicate. */
    boolean dropped(int arm) {
        return dropped[arm];
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
        if (stops && stopReason == 0 && n >= stopMinPatients) {
            decideStop(day);
        }
        if (target != null) {
            coin(n);
            return;
        }
        double c = growing ? power * Math.min(1.0, (double) n / planned) : power;
        boolean anyDropped = dropBelow > 0 && drop();
        if (c == 0 && control < 0 && !anyDropped) {
            byRatio = true;
            for (int a = 0; a < arms; a++) {
                probability[a] = (double) weights[a] / total;
            }
            return;
        }
        byRatio = false;
        computeBest();
        Arrays.fill(fixed, false);
        double rest = 1;
        int adaptive = 0;
        for (int a = 0; a < arms; a++) {
            if (dropped[a]) {
                probability[a] = 0;
                fixed[a] = true;
            }
        }
        if (control >= 0) {
            probability[control] = matched ? 0 : settings.controlShare();
            fixed[control] = true;
            rest -= probability[control];
        }
        for (int a = 0; a < arms; a++) {
            if (!fixed[a]) {
                probability[a] = weights[a] * Math.pow(best[a], c);
                adaptive++;
            }
        }
        cap(rest, adaptive);
        if (matched) {
            match();
        }
    }

    /**
     * The matched control (Viele et al. 2020; adaptr's {@code control_prob_fixed = "match"}): the other arms'
     * probabilities q_i, within the caps and summing to 1 among them, give the control max q, and every
     * probability is divided by 1 + max q; so the caps bound the q_i, not the final probabilities.
     */
    private void match() {
        double largest = 0;
        for (int a = 0; a < arms; a++) {
            if (a != control) {
                largest = Math.max(largest, probability[a]);
            }
        }
        probability[control] = largest;
        for (int a = 0; a < arms; a++) {
            probability[a] /= 1 + largest;
        }
    }

    /**
     * The doubly adaptive biased coin ({@link DoublyAdaptiveBiasedCoin}), then kept within the caps. Two arms: the
     * first arm's probability g(x, ρ̂) from its share x of the stratum's n patients so far (ρ̂ itself before the first
     * patient) and the target ρ̂ at the posterior means of the response rates (the Beta prior's pseudo-counts keep
     * them within (0, 1) from the start). More arms: the K-arm g over the arms, or, with a control kept at a fixed
     * share, over the other arms with their shares among themselves and their target among themselves, scaled to the
     * rest (Neyman among them then minimizes Σ p_k q_k / n_k over the experimental arms for their total, which with
     * the control's n fixed minimizes the sum of the variances of the comparisons with the control).
     */
    private void coin(int n) {
        byRatio = false;
        Arrays.fill(fixed, false);
        if (arms == 2 && control < 0) {
            double rho = DoublyAdaptiveBiasedCoin.target(target, posteriorMean(0), posteriorMean(1));
            double g = n == 0 ? rho : DoublyAdaptiveBiasedCoin.allocation((double) count(0) / n, rho, gamma);
            probability[0] = g;
            probability[1] = 1 - g;
            cap(1, arms);
            return;
        }
        double rest = 1;
        int steered = n;
        if (control >= 0) {
            probability[control] = settings.controlShare();
            fixed[control] = true;
            rest -= probability[control];
            steered -= count(control);
        }
        for (int a = 0, j = 0; a < arms; a++) {
            if (a != control) {
                coinRates[j] = posteriorMean(a);
                coinShares[j++] = steered == 0 ? 0 : (double) count(a) / steered;
            }
        }
        DoublyAdaptiveBiasedCoin.target(target, coinRates, coinTargets);
        if (steered == 0) {
            System.arraycopy(coinTargets, 0, coinG, 0, coinG.length);
        } else {
            DoublyAdaptiveBiasedCoin.allocation(coinShares, coinTargets, gamma, coinG);
        }
        for (int a = 0, j = 0; a < arms; a++) {
            if (a != control) {
                probability[a] = rest * coinG[j++];
            }
        }
        cap(rest, coinG.length);
    }

    /** The posterior mean of the arm's response rate from the results counted so far. */
    double posteriorMean(int arm) {
        double a = priorAlpha[arm] + responses[arm];
        return a / (a + priorBeta[arm] + nonResponses[arm]);
    }

    @Override
    public int stopReason() {
        return stopReason;
    }

    @Override
    public double stopDay() {
        return stopDay;
    }

    /**
     * Whether the posteriors stop the trial on the day: for superiority when an arm other than the
     * control (the fixed-share control, or arm 0) has P(arm is best) among the arms still allocated above
     * the bound; for futility when every such arm still allocated has P(arm better than the control) below
     * its bound. Superiority is asked first. Draws nothing, so bounds that never trigger change nothing.
     */
    private void decideStop(double day) {
        computeBest();
        int reference = control >= 0 ? control : 0;
        boolean futile = stopBelow > 0;
        for (int a = 0; a < arms; a++) {
            if (a == reference || dropped[a]) {
                continue;
            }
            if (best[a] > stopAbove) {
                stopReason = STOP_SUPERIORITY;
                stopDay = day;
                return;
            }
            if (futile) {
                double[] pair = BestArm.probabilities(new double[] {priorAlpha[reference] + responses[reference], priorAlpha[a] + responses[a]},
                        new double[] {priorBeta[reference] + nonResponses[reference], priorBeta[a] + nonResponses[a]});
                futile = pair[1] < stopBelow;
            }
        }
        if (futile) {
            stopReason = STOP_FUTILITY;
            stopDay = day;
        }
    }

    /** P(arm is best) among the arms not dropped (0 for those dropped), from the counts; recomputed only when they changed. */
    private void computeBest() {
        if (bestValid) {
            return;
        }
        int active = 0;
        for (int a = 0; a < arms; a++) {
            active += dropped[a] ? 0 : 1;
        }
        double[] alpha = new double[active];
        double[] beta = new double[active];
        for (int a = 0, j = 0; a < arms; a++) {
            if (!dropped[a]) {
                alpha[j] = priorAlpha[a] + responses[a];
                beta[j++] = priorBeta[a] + nonResponses[a];
            }
        }
        double[] p = active == 1 ? new double[] {1} : BestArm.probabilities(alpha, beta);
        for (int a = 0, j = 0; a < arms; a++) {
            best[a] = dropped[a] ? 0 : p[j++];
        }
        bestValid = true;
    }

    /**
     * Drops the arms other than the control whose P(arm is best) is below the bound, keeping the one with
     * the highest (the first of equals) among those that could be dropped; each drop is final, and the
     * others' P(arm is best) is computed again without the arms dropped. Whether any arm is dropped now or before.
     */
    private boolean drop() {
        computeBest();
        int keep = -1;
        for (int a = 0; a < arms; a++) {
            if (!dropped[a] && a != control && (keep < 0 || best[a] > best[keep])) {
                keep = a;
            }
        }
        boolean changed = false;
        for (int a = 0; a < arms; a++) {
            if (!dropped[a] && a != control && a != keep && best[a] < dropBelow) {
                dropped[a] = true;
                changed = true;
            }
        }
        if (changed) {
            bestValid = false;
        }
        for (boolean d : dropped) {
            if (d) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes the arms not fixed share {@code rest} in proportion to their values, each kept within
     * [min, max]: p_a = clamp(λ·v_a, min, max) with the λ at which they sum to rest (found by
     * bisection; the sum grows with λ). Validation makes sure such a λ exists. If every value is 0
     * (every power underflowed, as when one fixed arm is all but certain to be best) the weights stand
     * in for them.
     */
    private void cap(double rest, int adaptive) {
        // once arms are dropped, the arms left may be too few to keep within [min, max] and still share rest
        double lower = adaptive == 0 ? min : Math.min(min, rest / adaptive);
        double upper = adaptive == 0 ? max : Math.max(max, rest / adaptive);
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
        double hi = Math.max(1, upper) / smallest;
        double[] v = probability.clone();
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (capped(v, mid, lower, upper) < rest) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        for (int a = 0; a < arms; a++) {
            if (!fixed[a]) {
                probability[a] = Math.min(upper, Math.max(lower, hi * v[a]));
            }
        }
    }

    private double capped(double[] v, double lambda, double lower, double upper) {
        double sum = 0;
        for (int a = 0; a < arms; a++) {
            if (!fixed[a]) {
                sum += Math.min(upper, Math.max(lower, lambda * v[a]));
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
