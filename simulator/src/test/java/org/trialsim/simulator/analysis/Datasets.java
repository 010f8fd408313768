package org.trialsim.simulator.analysis;

/**
 * Survival data sets shared by the tests, each also available in R so that reference values can be
 * recomputed: {@code aml} and {@code veteran} from R's {@code survival} package, and a synthetic set
 * defined by a formula with many ties.
 */
final class Datasets {
    private Datasets() {
    }

    /** A named two-arm data set. */
    record Survival(String name, double[] time, boolean[] event, int[] arm, int[] stratum) {
        SurvivalData unstratified() {
            return SurvivalData.of(time, event, arm);
        }

        SurvivalData stratified() {
            return SurvivalData.of(time, event, arm, stratum);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * {@code survival::aml}: acute myelogenous leukaemia, maintenance chemotherapy (arm 1, "Maintained")
     * against none (arm 0); 23 patients, time in weeks. In R:
     * {@code aml2 <- transform(aml, arm = as.integer(x == "Maintained"))}.
     */
    static Survival aml() {
        double[] time = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
        int[] status = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1};
        int[] arm = new int[23];
        for (int i = 0; i < 11; i++) {
            arm[i] = 1;
        }
        return new Survival("aml", time, events(status), arm, new int[23]);
    }

    /**
     * {@code survival::veteran}: Veterans' Administration lung cancer trial, test treatment (trt 2, arm 1)
     * against standard (trt 1, arm 0), 137 patients, stratum = cell type (squamous 0, smallcell 1,
     * adeno 2, large 3). In R: {@code vet <- transform(veteran, arm = as.integer(trt == 2))}.
     */
    static Survival veteran() {
        double[] time = {72, 411, 228, 126, 118, 10, 82, 110, 314, 100, 42, 8, 144, 25, 11, 30, 384, 4, 54, 13,
            123, 97, 153, 59, 117, 16, 151, 22, 56, 21, 18, 139, 20, 31, 52, 287, 18, 51, 122, 27, 54, 7, 63, 392,
            10, 8, 92, 35, 117, 132, 12, 162, 3, 95, 177, 162, 216, 553, 278, 12, 260, 200, 156, 182, 143, 105,
            103, 250, 100, 999, 112, 87, 231, 242, 991, 111, 1, 587, 389, 33, 25, 357, 467, 201, 1, 30, 44, 283,
            15, 25, 103, 21, 13, 87, 2, 20, 7, 24, 99, 8, 99, 61, 25, 95, 80, 51, 29, 24, 18, 83, 31, 51, 90, 52,
            73, 8, 36, 48, 7, 140, 186, 84, 19, 45, 80, 52, 164, 19, 53, 15, 43, 340, 133, 111, 231, 378, 49};
        int[] status = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
            1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1};
        int[] celltype = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3,
            3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3,
            3, 3, 3, 3, 3, 3};
        int[] arm = new int[137];
        for (int i = 69; i < 137; i++) {
            arm[i] = 1;
        }
        return new Survival("veteran", time, events(status), arm, celltype);
    }

    /**
     * 200 patients with integer times and heavy ties, defined by a formula. In R:
     * <pre>
     * i &lt;- 0:199
     * syn &lt;- data.frame(arm = i %% 2, status = as.integer((i * 11) %% 5 != 0), stratum = (i %% 7) %% 3)
     * syn$time &lt;- 1 + ((i * 37) %% 23) + 2 * syn$arm
     * </pre>
     */
    static Survival synthetic() {
        int n = 200;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        int[] arm = new int[n];
        int[] stratum = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 2;
            event[i] = (i * 11) % 5 != 0;
            stratum[i] = (i % 7) % 3;
            time[i] = 1 + (i * 37) % 23 + 2 * arm[i];
        }
        return new Survival("synthetic", time, event, arm, stratum);
    }

    /**
     * 60 patients with a strong benefit on arm 1 (hazard ratio about 0.12), where an unguarded Newton
     * step from β = 0 overshoots. In R:
     * <pre>
     * i &lt;- 0:59
     * strong &lt;- data.frame(arm = i %% 2, status = as.integer(i %% 4 != 0))
     * strong$time &lt;- 1 + ((i * 7) %% 13) * (1 + 6 * strong$arm) + 0.5 * strong$arm
     * </pre>
     */
    static Survival strongEffect() {
        int n = 60;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 2;
            event[i] = i % 4 != 0;
            time[i] = 1 + (i * 7) % 13 * (1 + 6 * arm[i]) + 0.5 * arm[i];
        }
        return new Survival("strong", time, event, arm, new int[n]);
    }

    static Survival byName(String name) {
        switch (name) {
            case "aml":
                return aml();
            case "veteran":
                return veteran();
            case "synthetic":
                return synthetic();
            case "strong":
                return strongEffect();
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static boolean[] events(int[] status) {
        boolean[] event = new boolean[status.length];
        for (int i = 0; i < status.length; i++) {
            event[i] = status[i] == 1;
        }
        return event;
    }
}
