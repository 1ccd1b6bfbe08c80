# Reference values for VarianceComponents (QEStatistics): one-way random-effects method of
# moments from R's own ANOVA (anova(lm(y ~ factor(run)))), and Kalibera & Jones' (2013)
# estimators computed independently from per-run variances and run means.
#
#   Rscript scripts/reference/variance.R
#
# writes Tests/QEStatisticsTests/Reference/variance-components.json.
# Reruns are byte-identical (fixed seeds, %.17g numbers).

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

# Runs with run effects ~ N(0, between^2) and iterations ~ N(run mean, within^2).
simulate <- function(sizes, centre, between, within) {
  lapply(sizes, function(n) centre + rnorm(1, 0, between) + rnorm(n, 0, within))
}

set.seed(2013)
cases <- list(
  list(name = "balanced 5 x 20, strong run effect", runs = simulate(rep(20, 5), 100, 2, 1)),
  list(name = "unbalanced sizes 3, 7, 12, 5, 20", runs = simulate(c(3, 7, 12, 5, 20), 50, 1, 1)),
  list(name = "runs with one iteration among larger ones", runs = simulate(c(1, 1, 5, 8), 10, 0.5, 0.3)),
  list(name = "nanoseconds, 8 runs x 50", runs = lapply(simulate(rep(50, 8), 1e7, 2e4, 5e3), round)),
  list(name = "30 runs x 5, weak run effect", runs = simulate(rep(5, 30), 3, 0.05, 0.2)),
  list(name = "identical run means (no between-run variance)",
       runs = list(c(1, 2, 3), c(3, 2, 1), c(2, 2, 2, 1, 3))),
  list(name = "no within-run spread, runs differ", runs = list(c(1, 1, 1), c(2, 2), c(4, 4, 4, 4))),
  list(name = "zero spread", runs = rep(list(rep(2.5, 4)), 5)),
  list(name = "a single run", runs = list(c(1, 2, 3))),
  list(name = "every run has one iteration", runs = list(1, 2, 4))
)
cost_ratios <- c(1, 10, 100, 1e4)

encode_case <- function(case) {
  runs <- case$runs
  members <- list(name = json_str(case$name),
                  runs = paste0("[", paste(vapply(runs, json_nums, ""), collapse = ", "), "]"))
  K <- length(runs); ni <- lengths(runs); N <- sum(ni)
  if (K < 2 || N - K < 1) {
    why <- if (K < 2) "one run: no between-run variance" else "no run has two iterations: no within-run variance"
    return(json_obj(c(members, list(error = json_str(why))), "    "))
  }
  y <- unlist(runs)
  run <- factor(rep(seq_len(K), ni))
  a <- suppressWarnings(anova(lm(y ~ run)))
  msb <- a["run", "Mean Sq"]
  msw <- a["Residuals", "Mean Sq"]
  n0 <- (N - sum(ni^2) / N) / (K - 1)
  sb2 <- max(0, (msb - msw) / n0)
  # With every value identical the share is 0/0; lm's QR leaves rounding noise of order
  # 1e-30 in both mean squares there, so the undefined case is decided on the data itself.
  icc <- if (length(unique(y)) > 1) sb2 / (sb2 + msw) else NA
  run_means <- vapply(runs, mean, 0)
  # Kalibera & Jones: T1^2 = S1^2, the within-run variance (pooled over runs by degrees of
  # freedom, which is their mean within-run variance when runs have equal sizes);
  # S2^2 = variance of the run means; T2^2 = S2^2 - T1^2 * mean(1 / n_i)
  # (S2^2 - S1^2 / n1 with equal sizes, as in the revised paper and libkalibera).
  t1 <- sum(vapply(runs, function(r) if (length(r) > 1) (length(r) - 1) * var(r) else 0, 0)) / (N - K)
  s2 <- var(run_means)
  t2 <- s2 - t1 * mean(1 / ni)
  optimal <- vapply(cost_ratios, function(c) if (t2 > 0) max(1, ceiling(sqrt(c * t1 / t2))) else NA, 0)
  kw <- capture(kruskal.test(runs))
  kw_ok <- is.null(kw$error) && is.finite(kw$value$statistic)
  json_obj(c(members, list(
    error = "null",
    N = json_num(N), K = json_num(K),
    grandMean = json_num(mean(y)), runMeans = json_nums(run_means),
    betweenMeanSquare = json_num(msb), withinMeanSquare = json_num(msw),
    n0 = json_num(n0), betweenVariance = json_num(sb2), icc = json_num(icc),
    t1Squared = json_num(t1), varianceOfRunMeans = json_num(s2), t2Squared = json_num(t2),
    costRatios = json_nums(cost_ratios), optimalIterations = json_nums(optimal),
    kruskalStatistic = json_num(if (kw_ok) kw$value$statistic else NA),
    kruskalPValue = json_num(if (kw_ok) kw$value$p.value else NA))), "    ")
}

write_reference(json_obj(list(
  description = json_str(paste(
    "MSB, MSW from anova(lm(y ~ factor(run))); n0 = (N - sum(n_i^2)/N)/(K - 1);",
    "betweenVariance = max(0, (MSB - MSW)/n0); icc = betweenVariance/(betweenVariance + MSW) (null when 0/0);",
    "t1Squared = pooled within-run variance; varianceOfRunMeans = var(run means);",
    "t2Squared = varianceOfRunMeans - t1Squared * mean(1/n_i);",
    "optimalIterations = max(1, ceiling(sqrt(costRatio * t1Squared / t2Squared))), null when t2Squared <= 0;",
    "kruskal.test(runs), null when R gives NaN.")),
  cases = json_arr(lapply(cases, encode_case), "  "))),
  "variance-components.json", "variance.R")
