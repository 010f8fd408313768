/**
 * Cohort simulation: N virtual patients through a protocol on each arm, accumulated in mergeable
 * fixed-size structures (memory does not grow with N), reported as an immutable {@link
 * org.trialsim.simulator.cohort.CohortResult} whose JSON form is documented in docs/cohort-json.md;
 * and {@link org.trialsim.simulator.cohort.PatientRecords}, a CSV row per patient holding what those
 * statistics are made of (docs/patient-records.md).
 */
package org.trialsim.simulator.cohort;
