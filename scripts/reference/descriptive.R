# Reference values for Summary, MeanInterval and MedianInterval (QEStatistics).
#
#   Rscript scripts/reference/descriptive.R
#
# writes Tests/QEStatisticsTests/Reference/descriptive.json and median-interval.json.
# Reruns are byte-identical (fixed seeds, %.17g numbers).

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

# Large samples are not stored: both R and the Swift test compute them from this formula,
# which is exact in IEEE arithmetic (integers below 2^53 and one correctly rounded division).
generated <- function(n, a, m, scale) scale / (1 + ((a * seq_len(n)) %% m))

set.seed(20240611)
cases <- list(
  list(name = "n=1", values = 42.5),
  list(name = "n=2", values = c(7, 3)),
  list(name = "n=5 normal", values = round(rnorm(5, 100, 10), 3)),
  list(name = "n=6 lognormal", values = rlnorm(6)),
  list(name = "ties", values = c(5, 1, 2, 2, 2, 3, 3, 8, 8, 8, 5, 5)),
  list(name = "heavy tails (Cauchy)", values = rcauchy(200, location = 1000, scale = 5)),
  list(name = "heavy tails (lognormal sd 2.5)", values = exp(rnorm(301, 0, 2.5))),
  list(name = "negative mean", values = rnorm(20, -5, 2)),
  list(name = "nanoseconds, small spread", values = 1e7 + round(rnorm(50, 0, 3))),
  list(name = "zero spread", values = rep(0.1, 9)),
  list(name = "all zero", values = rep(0, 4)),
  list(name = "large n (generated)", generator = list(n = 100000, a = 7919, m = 10007, scale = 1e6))
)

probs <- c(0, 0.01, 0.025, 0.05, 0.1, 0.25, 1/3, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 1)
mean_levels <- c(0.95, 0.9, 0.99)

encode_case <- function(case) {
  x <- if (is.null(case$generator)) case$values else
    with(case$generator, generated(n, a, m, scale))
  n <- length(x)
  s <- if (n >= 2) sd(x) else NA
  v <- if (n >= 2) var(x) else NA
  cv <- if (n >= 2 && mean(x) != 0) sd(x) / mean(x) else NA
  q <- quantile(x, probs, type = 7, names = FALSE)
  intervals <- lapply(mean_levels, function(level) {
    r <- capture(t.test(x, conf.level = level)$conf.int)
    if (!is.null(r$value) && any(!is.finite(r$value)))
      r <- list(value = NULL, error = "t.test returns NaN (zero standard error)")
    if (is.null(r$error)) {
      json_obj(list(confidence = json_num(level), low = json_num(r$value[1]),
                    high = json_num(r$value[2]), error = "null"), "        ")
    } else {
      json_obj(list(confidence = json_num(level), low = "null", high = "null",
                    error = json_str(r$error)), "        ")
    }
  })
  members <- list(name = json_str(case$name))
  if (is.null(case$generator)) {
    members$values <- json_nums(x)
  } else {
    g <- case$generator
    members$generator <- json_obj(list(n = json_num(g$n), a = json_num(g$a), m = json_num(g$m),
                                       scale = json_num(g$scale)), "      ")
  }
  members <- c(members, list(
    n = json_num(n), mean = json_num(mean(x)), variance = json_num(v), sd = json_num(s),
    median = json_num(median(x)), mad = json_num(mad(x)),
    min = json_num(min(x)), max = json_num(max(x)), cv = json_num(cv),
    quantiles = json_nums(q),
    meanIntervals = json_arr(intervals, "      ")))
  json_obj(members, "    ")
}

write_reference(json_obj(list(
  description = json_str(paste(
    "mean, sd, var, median, mad (constant 1.4826), min, max, sd/mean, quantile(type = 7),",
    "t.test(x, conf.level)$conf.int. Generated cases: x[i] = scale / (1 + ((a * i) %% m)), i = 1..n.")),
  quantileProbs = json_nums(probs),
  cases = json_arr(lapply(cases, encode_case), "  "))),
  "descriptive.json", "descriptive.R")

# ---- Median interval from order statistics --------------------------------------------------
# k = qbinom(alpha/2, n, 0.5); k == 0 means no order-statistic interval reaches the confidence.
# Otherwise [x(k), x(n-k+1)] with achieved confidence 1 - 2 * pbinom(k - 1, n, 0.5).
minimum_n <- function(alpha) {
  n <- 1
  while (qbinom(alpha / 2, n, 0.5) < 1) n <- n + 1
  n
}

# 1 - 2/64 - 2^-53 makes alpha/2 = (1/64)(1 + 16 eps): just above P(B <= 0) at n = 6, beyond
# qbinom's left-continuity fuzz (p * (1 - 8 eps) in R 4.2), so R finds k = 1 there; and
# 1 - 2/32 - 2^-53 makes alpha/2 = (1/32)(1 + 8 eps): within the fuzz, so R finds k = 0 at n = 5.
# 1 - 2/16 puts alpha/2 exactly on P(B <= 0) at n = 4 (R: k = 0).
levels <- c(0.5, 0.8, 1 - 2 / 16, 0.9, 0.95, 1 - 2 / 32 - 2^-53, 1 - 2 / 64, 1 - 2 / 64 - 2^-53, 0.99, 0.999, 0.999999)
set.seed(977)
ns <- c(1:12, 15, 20, 30, 50, 100, 1001)
median_cases <- lapply(ns, function(n) {
  x <- round(rlnorm(n, 3, 0.7), 1)  # rounding gives ties in the larger samples
  s <- sort(x)
  intervals <- lapply(levels, function(level) {
    alpha <- 1 - level
    k <- qbinom(alpha / 2, n, 0.5)
    common <- list(confidence = json_num(level), k = json_num(k), minimumCount = json_num(minimum_n(alpha)))
    if (k == 0) {
      json_obj(c(common, list(low = "null", high = "null", lowerRank = "null", upperRank = "null",
                              achievedConfidence = "null")), "        ")
    } else {
      json_obj(c(common, list(low = json_num(s[k]), high = json_num(s[n - k + 1]),
                              lowerRank = json_num(k), upperRank = json_num(n - k + 1),
                              achievedConfidence = json_num(1 - 2 * pbinom(k - 1, n, 0.5)))), "        ")
    }
  })
  json_obj(list(n = json_num(n), values = json_nums(x), median = json_num(median(x)),
                intervals = json_arr(intervals, "      ")), "    ")
})

write_reference(json_obj(list(
  description = json_str(paste(
    "k = qbinom((1 - confidence)/2, n, 0.5); k == 0: too few samples (minimumCount = smallest n with k >= 1);",
    "else [sort(x)[k], sort(x)[n-k+1]] with achievedConfidence = 1 - 2 * pbinom(k - 1, n, 0.5).")),
  cases = json_arr(median_cases, "  "))),
  "median-interval.json", "descriptive.R")
