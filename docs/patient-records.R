# R's survival package on trialsim's patient records (docs/patient-records.md) against trialsim's own
# Kaplan-Meier and cumulative incidence in the cohort JSON, at every reported point of every arm and
# endpoint. A check made by hand; no test depends on R.
#
#   ./trialsim simulate aall1331 -n 20000 --format json --out result.json --records patients.csv
#   Rscript docs/patient-records.R result.json patients.csv
#
# Needs the packages survival and jsonlite.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
result <- fromJSON(args[1], simplifyVector = FALSE)
records <- read.csv(args[2], stringsAsFactors = FALSE, check.names = FALSE)

points <- 0
exact <- 0
worst <- 0
risk_mismatches <- 0
compare <- function(ours, theirs) {
  points <<- points + length(ours)
  exact <<- exact + sum(ours == theirs)
  worst <<- max(worst, abs(ours - theirs))
}
for (arm in result$arms) {
  for (endpoint in arm$endpoints) {
    id <- endpoint$endpoint
    days <- records[[paste0(id, "_days")]]
    event <- records[[paste0(id, "_event")]]
    counted <- records$arm == arm$arm & !is.na(days)
    time <- days[counted]
    event <- event[counted]
    stopifnot(length(time) == endpoint$patients)

    monthly <- (seq_along(endpoint$curve) - 1) * 365.25 / 12
    landmarks <- sapply(endpoint$landmarks, function(p) p$years) * 365.25
    fit <- survfit(Surv(time, event != "censored") ~ 1)
    for (reported in list(list(endpoint$curve, monthly), list(endpoint$landmarks, landmarks))) {
      s <- summary(fit, times = reported[[2]], extend = TRUE)
      compare(sapply(reported[[1]], function(p) p$estimate), s$surv)
      risk_mismatches <- risk_mismatches + sum(sapply(reported[[1]], function(p) p$atRisk) != s$n.risk)
    }

    if (length(endpoint$incidence) > 0) {
      kinds <- sapply(endpoint$incidence, function(i) i$event)
      cr <- survfit(Surv(time, factor(event, levels = c("censored", kinds))) ~ 1)
      for (incidence in endpoint$incidence) {
        s <- summary(cr, times = monthly, extend = TRUE)
        compare(sapply(incidence$curve, function(p) p$estimate), s$pstate[, match(incidence$event, cr$states)])
      }
    }
  }
}
cat(sprintf("%d points: %d identical doubles, largest difference %.3g; numbers at risk differing: %d\n",
            points, exact, worst, risk_mismatches))
