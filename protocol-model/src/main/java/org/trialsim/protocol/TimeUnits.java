package org.trialsim.protocol;

/**
 * The one place for calendar units: protocol files give durations in days, months and years, and the
 * simulator counts days. A year is the Julian year of 365.25 days and a month a twelfth of it, as in
 * R's survival and rpact conventions for monthly and yearly landmarks.
 */
public final class TimeUnits {
    /** Days in a year: 365.25. */
    public static final double DAYS_PER_YEAR = 365.25;
    /** Days in a month: 365.25 / 12 = 30.4375. */
    public static final double DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

    private TimeUnits() {
    }
}
