# Reference values for the methods behind `qe-validate variance` (QEStatistics):
# KendallTrendTest, SeasonalKendallTest, StratifiedRankSumTest, OneWayAnova, OutlyingRuns and
# VarianceComponents.runsNeeded.
#
#   Rscript scripts/reference/run_variance.R
#
# writes Tests/QEStatisticsTests/Reference/run-variance.json.
# Reruns are byte-identical (fixed seeds, %.17g numbers).

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

nested_nums <- function(list_of_vectors) {
  paste0("[", paste(vapply(list_of_vectors, json_nums, ""), collapse = ", "), "]")
}

# S = sum over i < j of sign(y[j] - y[i]) and its tie-corrected null variance, computed from
# the definitions (cor.test only reports z = S / sqrt(var) in its normal branch).
kendall_s <- function(y) {
  n <- length(y)
  s <- 0
  for (i in seq_len(n - 1)) s <- s + sum(sign(y[(i + 1):n] - y[i]))
  s
}
kendall_var <- function(y) {
  n <- length(y)
  ties <- table(y[duplicated(y)]) + 1
  (n * (n - 1) * (2 * n + 5) - sum(ties * (ties - 1) * (2 * ties + 5))) / 18
}

# ---- Kendall trend test: cor.test(seq_along(y), y, method = "kendall") -----------------------
set.seed(1945)
drifting <- function(n, slope, sd) 100 + slope * seq_len(n) + rnorm(n, 0, sd)
kendall_cases <- list(
  list(name = "rising, n = 10, exact", y = drifting(10, 1, 1), alternative = "two.sided"),
  list(name = "noise, n = 12, exact, greater", y = rnorm(12), alternative = "greater"),
  list(name = "noise, n = 12, exact, less", y = rnorm(12), alternative = "less"),
  list(name = "falling, n = 25, exact, less", y = drifting(25, -0.3, 1), alternative = "less"),
  list(name = "strong trend, n = 49, exact (tiny p)", y = drifting(49, 1, 0.5), alternative = "two.sided"),
  list(name = "noise, n = 49, exact", y = rnorm(49), alternative = "two.sided"),
  list(name = "n = 50, normal branch", y = drifting(50, 0.02, 1), alternative = "two.sided"),
  list(name = "n = 60, exact forced", y = drifting(60, 0.02, 1), alternative = "two.sided", exact = TRUE),
  list(name = "ties (rounded), n = 30, normal", y = round(drifting(30, 0.1, 1)), alternative = "two.sided"),
  list(name = "heavy ties, n = 1000, values 1 to 5", y = sample(1:5, 1000, replace = TRUE), alternative = "two.sided"),
  list(name = "lognormal with drift, n = 200, nanoseconds",
       y = round(1e7 * exp(0.0005 * seq_len(200) + rnorm(200, 0, 0.05))), alternative = "greater"),
  list(name = "n = 20, forced normal with continuity", y = drifting(20, 0.2, 1), alternative = "two.sided",
       exact = FALSE, continuity = TRUE),
  list(name = "n = 2", y = c(3, 1), alternative = "two.sided"),
  list(name = "n = 3 with a tie", y = c(1, 2, 2), alternative = "two.sided"),
  list(name = "every value equal", y = c(4, 4, 4, 4), alternative = "two.sided"),
  list(name = "a single value", y = 1, alternative = "two.sided")
)

encode_kendall <- function(case) {
  exact <- if (is.null(case$exact)) NULL else case$exact
  continuity <- isTRUE(case$continuity)
  members <- list(name = json_str(case$name), y = json_nums(case$y), alternative = json_str(case$alternative),
                  exact = if (is.null(exact)) "null" else json_bool(exact), continuity = json_bool(continuity))
  r <- capture(suppressWarnings(cor.test(seq_along(case$y), case$y, method = "kendall",
                                         alternative = case$alternative, exact = exact, continuity = continuity)))
  if (!is.null(r$error) || !is.finite(r$value$estimate)) {
    why <- if (!is.null(r$error)) r$error else "cor.test gives an NA estimate"
    return(json_obj(c(members, list(error = json_str(why))), "    "))
  }
  method <- if (names(r$value$statistic) == "T") "exact" else "normal"
  json_obj(c(members, list(
    error = "null", tau = json_num(r$value$estimate), statistic = json_num(r$value$statistic),
    pValue = json_num(r$value$p.value), method = json_str(method),
    s = json_num(kendall_s(case$y)), varianceOfS = json_num(kendall_var(case$y)))), "    ")
}

# ---- Seasonal Kendall: S and Var(S) summed over blocks, normal p ------------------------------
set.seed(1982)
seasonal_cases <- list(
  list(name = "five runs drifting up", blocks = lapply(1:5, function(i) drifting(30, 0.05, 1) + i)),
  list(name = "five runs without drift, run levels differ", blocks = lapply(1:5, function(i) rnorm(30, 10 * i))),
  list(name = "unequal sizes with ties, falling", blocks = list(round(drifting(12, -0.5, 1)), round(drifting(40, -0.1, 1)), round(drifting(7, -1, 1)))),
  list(name = "a constant block and a one-value block are left out",
       blocks = list(c(5, 5, 5), 7, c(1, 3, 2, 5, 4, 6)), alternative = "greater"),
  list(name = "opposite trends cancel", blocks = list(drifting(20, 1, 0.1), drifting(20, -1, 0.1)))
)

encode_seasonal <- function(case) {
  alternative <- if (is.null(case$alternative)) "two.sided" else case$alternative
  used <- Filter(function(b) length(b) >= 2 && length(unique(b)) > 1, case$blocks)
  s <- sum(vapply(used, kendall_s, 0))
  v <- sum(vapply(used, kendall_var, 0))
  z <- s / sqrt(v)
  p <- switch(alternative, less = pnorm(z), greater = pnorm(z, lower.tail = FALSE),
              two.sided = 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)))
  block_p <- vapply(case$blocks, function(b) {
    if (length(b) < 2 || length(unique(b)) < 2) return(NA_real_)
    suppressWarnings(cor.test(seq_along(b), b, method = "kendall", alternative = alternative)$p.value)
  }, 0)
  json_obj(list(name = json_str(case$name), blocks = nested_nums(case$blocks), alternative = json_str(alternative),
                s = json_num(s), varianceOfS = json_num(v), z = json_num(z), pValue = json_num(p),
                blockPValues = json_nums(block_p)), "    ")
}

# ---- Stratified rank-sum: per-stratum wilcox.test statistics summed ---------------------------
set.seed(1975)
stratified_cases <- list(
  list(name = "one stratum equals wilcox.test(exact = FALSE, correct = FALSE)",
       strata = list(list(x = rnorm(3, 1), y = rnorm(27))), alternative = "greater", correct = FALSE),
  list(name = "one stratum with ties, continuity corrected",
       strata = list(list(x = round(rnorm(8, 1)), y = round(rnorm(20)))), alternative = "two.sided", correct = TRUE),
  list(name = "five runs, first three iterations slow",
       strata = lapply(1:5, function(i) list(x = rnorm(3, 10 * i + 1), y = rnorm(27, 10 * i))),
       alternative = "greater", correct = FALSE),
  list(name = "five runs, no start effect",
       strata = lapply(1:5, function(i) list(x = rnorm(3, 10 * i), y = rnorm(27, 10 * i))),
       alternative = "greater", correct = FALSE),
  list(name = "unequal strata with ties, less",
       strata = list(list(x = c(1, 2, 2), y = c(2, 3, 3, 4, 5)), list(x = c(10, 11), y = c(11, 12, 12, 13, 14, 15, 16))),
       alternative = "less", correct = FALSE)
)

encode_stratified <- function(case) {
  w <- 0; e <- 0; v <- 0
  for (s in case$strata) {
    w <- w + suppressWarnings(wilcox.test(s$x, s$y, exact = FALSE, correct = FALSE)$statistic)
    m <- length(s$x); n <- length(s$y); N <- m + n
    ties <- table(c(s$x, s$y))
    e <- e + m * n / 2
    v <- v + m * n / 12 * ((N + 1) - sum(ties^3 - ties) / (N * (N - 1)))
  }
  centred <- w - e
  correction <- if (!case$correct) 0 else switch(case$alternative,
    two.sided = sign(centred) * 0.5, greater = 0.5, less = -0.5)
  z <- (centred - correction) / sqrt(v)
  p <- switch(case$alternative, less = pnorm(z), greater = pnorm(z, lower.tail = FALSE),
              two.sided = 2 * min(pnorm(z), pnorm(z, lower.tail = FALSE)))
  single <- if (length(case$strata) == 1) {
    s <- case$strata[[1]]
    suppressWarnings(wilcox.test(s$x, s$y, alternative = case$alternative, exact = FALSE, correct = case$correct)$p.value)
  } else NA
  strata <- vapply(case$strata, function(s) json_obj(list(x = json_nums(s$x), y = json_nums(s$y))), "")
  json_obj(list(name = json_str(case$name),
                strata = paste0("[", paste(gsub("\n *", " ", strata), collapse = ", "), "]"),
                alternative = json_str(case$alternative), correct = json_bool(case$correct),
                u = json_num(w), expectedU = json_num(e), varianceOfU = json_num(v), z = json_num(z),
                pValue = json_num(p), wilcoxPValue = json_num(single)), "    ")
}

# ---- One-way ANOVA: oneway.test(y ~ g, var.equal = TRUE) -------------------------------------
set.seed(1925)
anova_cases <- list(
  list(name = "two files of five run means, shifted", groups = list(rnorm(5, 1.35), rnorm(5, 1.10, 0.05))),
  list(name = "three groups, unequal sizes, no difference", groups = list(rnorm(4), rnorm(7), rnorm(3))),
  list(name = "log speedups, one run in one file", groups = list(log(c(3.9, 4.1, 3.8)), log(1.04))),
  list(name = "constant groups that differ (F = Inf)", groups = list(c(1, 1, 1), c(2, 2))),
  list(name = "every value equal", groups = list(c(3, 3), c(3, 3, 3))),
  list(name = "one value per group", groups = list(1, 2, 3)),
  list(name = "a single group", groups = list(c(1, 2, 3)))
)

encode_anova <- function(case) {
  members <- list(name = json_str(case$name), groups = nested_nums(case$groups))
  y <- unlist(case$groups)
  g <- factor(rep(seq_along(case$groups), lengths(case$groups)))
  K <- length(case$groups); N <- length(y)
  if (K < 2 || N - K < 1) {
    why <- if (K < 2) "a single group" else "no group has two values: no residual degrees of freedom"
    return(json_obj(c(members, list(error = json_str(why))), "    "))
  }
  # oneway.test refuses groups of one value ("not enough observations"); anova(lm) takes them
  # and gives the same F where both run, but leaves QR rounding noise where the fit is exact.
  r <- if (all(lengths(case$groups) >= 2)) oneway.test(y ~ g, var.equal = TRUE) else NULL
  a <- suppressWarnings(anova(lm(y ~ g)))
  statistic <- if (!is.null(r)) r$statistic else a["g", "F value"]
  p <- if (!is.null(r)) r$p.value else a["g", "Pr(>F)"]
  if (is.nan(statistic)) {
    return(json_obj(c(members, list(error = json_str("every value is the same: F is 0/0"))), "    "))
  }
  json_obj(c(members, list(error = "null", statistic = json_num(statistic),
                           df1 = json_num(K - 1), df2 = json_num(N - K), pValue = json_num(p),
                           source = json_str(if (!is.null(r)) "oneway.test" else "anova(lm)"))), "    ")
}

# ---- Runs needed for a target interval width --------------------------------------------------
# sigma2_b, sigma2_w from anova(lm(y ~ run)); width(K, r) = 2 qt(1 - a/2, K - 1) sqrt(v / K) / mu,
# v = sigma2_b + sigma2_w / r, mu = mean of run means; the answer is the first K >= 2 that meets
# the target. currentWidth is diff(t.test(run means)$conf.int) / mean(run means).
set.seed(2013)
simulate <- function(sizes, centre, between, within) {
  lapply(sizes, function(n) centre + rnorm(1, 0, between) + rnorm(n, 0, within))
}
planning_cases <- list(
  list(name = "5 runs x 30, run effect dominates", runs = simulate(rep(30, 5), 100, 3, 1),
       plans = list(c(30, 0.02, 0.95), c(2, 0.02, 0.95), c(30, 0.01, 0.99), c(30, 0.5, 0.95))),
  list(name = "8 runs x 20, no run effect", runs = simulate(rep(20, 8), 50, 0, 2),
       plans = list(c(20, 0.02, 0.95), c(200, 0.02, 0.95), c(1, 0.05, 0.9))),
  list(name = "3 runs x 10, noisy", runs = simulate(rep(10, 3), 10, 1, 2),
       plans = list(c(10, 0.02, 0.95), c(10, 0.001, 0.95)))
)

encode_planning <- function(case) {
  runs <- case$runs
  K <- length(runs); ni <- lengths(runs); N <- sum(ni)
  y <- unlist(runs); run <- factor(rep(seq_len(K), ni))
  a <- anova(lm(y ~ run))
  msb <- a["run", "Mean Sq"]; msw <- a["Residuals", "Mean Sq"]
  n0 <- (N - sum(ni^2) / N) / (K - 1)
  sb2 <- max(0, (msb - msw) / n0)
  means <- vapply(runs, mean, 0)
  mu <- mean(means)
  plans <- lapply(case$plans, function(p) {
    r <- p[1]; target <- p[2]; conf <- p[3]
    v <- sb2 + msw / r
    width <- function(k) 2 * qt(1 - (1 - conf) / 2, k - 1) * sqrt(v / k) / mu
    k <- 2
    while (width(k) > target) k <- k + 1
    json_obj(list(iterationsPerRun = json_num(r), targetWidth = json_num(target), confidence = json_num(conf),
                  runsNeeded = json_num(k), widthAtRunsNeeded = json_num(width(k)),
                  widthWithOneRunFewer = json_num(if (k > 2) width(k - 1) else NA),
                  currentWidth = json_num(diff(t.test(means, conf.level = conf)$conf.int) / mu)), "      ")
  })
  json_obj(list(name = json_str(case$name), runs = nested_nums(runs),
                betweenVariance = json_num(sb2), withinVariance = json_num(msw), meanOfRunMeans = json_num(mu),
                plans = json_arr(plans, "    ")), "    ")
}

# ---- Outlying runs: modified z-score of run medians with a noise floor ------------------------
set.seed(1993)
outlier_cases <- list(
  list(name = "run 3 of 5 is 40% slower", runs = lapply(c(1, 1, 1.4, 1, 1), function(f) rlnorm(30, log(7e7 * f), 0.02))),
  list(name = "five alike runs", runs = lapply(1:5, function(i) rlnorm(30, log(7e7), 0.02))),
  list(name = "runs drift apart by 1% each (no single run stands out)",
       runs = lapply(0:4, function(i) rlnorm(30, log(1e6 * (1 + 0.01 * i)), 0.05))),
  list(name = "two fast runs of five", runs = lapply(c(1, 0.7, 1, 0.7, 1), function(f) rlnorm(20, log(1e6 * f), 0.01))),
  list(name = "three runs, one slow", runs = lapply(c(1, 1.02, 1.5), function(f) rlnorm(15, log(100 * f), 0.01))),
  list(name = "two runs far apart", runs = list(rep(1, 10) + rnorm(10, 0, 0.01), rep(2, 10) + rnorm(10, 0, 0.01))),
  list(name = "constant runs, one differs (scale 0)", runs = list(rep(5, 4), rep(5, 4), rep(5, 4), rep(6, 4))),
  list(name = "precise runs 0.5% apart (below the 1% minimum)",
       runs = lapply(c(1, 1, 1, 1.005), function(f) rlnorm(50, log(1e6 * f), 0.0001))),
  list(name = "a single run", runs = list(c(1, 2, 3)))
)

encode_outliers <- function(case) {
  runs <- case$runs
  K <- length(runs)
  medians <- vapply(runs, median, 0)
  centre <- median(medians)
  spread <- mad(medians)
  within <- median(vapply(runs, mad, 0))
  floor <- sqrt(pi / 2) * within / sqrt(lengths(runs))
  scale <- pmax(spread, floor)
  deviation <- abs(medians - centre)
  distance <- ifelse(scale > 0, deviation / scale, ifelse(deviation == 0, 0, Inf))
  relative <- if (K >= 2) vapply(seq_len(K), function(i) medians[i] / median(medians[-i]) - 1, 0) else NA
  stands <- K >= 3 & distance > 3.5 & abs(relative) >= 0.01
  json_obj(list(name = json_str(case$name), runs = nested_nums(runs),
                medians = json_nums(medians), centre = json_num(centre), spread = json_num(spread),
                withinRunSpread = json_num(within), distances = json_nums(distance),
                relativeDifferences = if (K >= 2) json_nums(relative) else "null",
                standOut = json_nums(which(stands) - 1)), "    ")
}

# The cut-off of OutlyingRuns.criticalDistance: the quantile of the largest modified z-score among
# K standard normal values, by simulation (R's own generator; the Swift code simulates with GSL's,
# so the two agree to within simulation error only).
set.seed(1993)
critical <- function(K, draws = 100000) {
  z <- matrix(rnorm(K * draws), nrow = draws)
  medians <- apply(z, 1, median)
  scales <- apply(abs(z - medians), 1, median) * 1.4826
  apply(abs(z - medians), 1, max) / scales
}
critical_cases <- lapply(c(3, 4, 5, 8, 10, 20), function(K) {
  maxima <- critical(K)
  json_obj(list(runs = json_num(K), confidences = json_nums(c(0.9, 0.95, 0.99)),
                quantiles = json_nums(quantile(maxima, c(0.9, 0.95, 0.99), type = 7, names = FALSE))), "    ")
})

write_reference(json_obj(list(
  description = json_str(paste(
    "kendall: cor.test(seq_along(y), y, method = 'kendall', alternative, exact, continuity), with S and Var(S)",
    "from their definitions; seasonal: S and Var(S) summed over blocks with two distinct values, normal p;",
    "stratified: per-stratum wilcox.test(x, y)$statistic summed, tie-corrected variances summed, normal p",
    "(wilcoxPValue: wilcox.test(exact = FALSE) for one stratum); anova: oneway.test(y ~ g, var.equal = TRUE),",
    "or anova(lm(y ~ g)) when a group has one value (source says which);",
    "planning: first K >= 2 with 2 qt(1 - a/2, K - 1) sqrt((sb2 + sw2 / r) / K) / mean(run means) <= target;",
    "outliers: |median - median(medians)| / max(mad(medians), sqrt(pi/2) median(mad(run)) / sqrt(n)) > 3.5",
    "and |median / median(other medians) - 1| >= 0.01, K >= 3; standOut is 0-based;",
    "criticalDistances: quantiles of max|z - median(z)| / mad(z) over K normal values, 1e5 simulated draws.")),
  kendall = json_arr(lapply(kendall_cases, encode_kendall), "  "),
  seasonalKendall = json_arr(lapply(seasonal_cases, encode_seasonal), "  "),
  stratifiedRankSum = json_arr(lapply(stratified_cases, encode_stratified), "  "),
  onewayAnova = json_arr(lapply(anova_cases, encode_anova), "  "),
  runsNeeded = json_arr(lapply(planning_cases, encode_planning), "  "),
  outlyingRuns = json_arr(lapply(outlier_cases, encode_outliers), "  "),
  criticalDistances = json_arr(critical_cases, "  "))),
  "run-variance.json", "run_variance.R")
