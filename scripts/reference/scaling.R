#!/usr/bin/env Rscript
# Reference values for the power-law fit of `qe-validate sweep` (QEStatistics' PowerLawFit,
# ScalingFit): weighted nonlinear least squares y ~ a + b * n^k with R's stats::nls
# (algorithm = "port", a, b >= 0, 0 <= k <= 8), weights 1/m^2 with m the geometric mean of the
# values at each size; for one value per size also summary(nls)'s standard error of k, the
# t interval k +- qt(0.975, N - 3) * se, and confint(lm(log(y) ~ log(n))) for the log-log slope.
#
#   Rscript scripts/reference/scaling.R
#
# writes Tests/QEStatisticsTests/Reference/scaling.json. Each case draws its data after its
# own set.seed(), so the output is reproducible byte for byte. nls is a local method, so it
# starts from the best point of a grid over k (lm.wfit for a and b at each k, clipped at 0),
# a search of its own, independent of the Swift code's.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/scaling.R"
K_MAX <- 8

fit_case <- function(id, description, seed, sizes, runs, curve, sdlog, run_sdlog = 0) {
  set.seed(seed)
  n <- rep(sizes, each = runs)
  run_effect <- rnorm(length(n), 0, run_sdlog)
  y <- curve(n) * exp(rnorm(length(n), 0, sdlog) + run_effect)
  m <- ave(y, n, FUN = function(v) exp(mean(log(v))))
  n0 <- exp(mean(log(sizes)))
  s <- exp(mean(log(y)))
  x <- n / n0
  ys <- y / s
  w <- 1 / (m / s)^2
  # Starting values: the best (a, b) >= 0 on a grid of k.
  best <- NULL
  for (k in seq(0.05, K_MAX, by = 0.05)) {
    X <- cbind(1, x^k)
    cf <- lm.wfit(X, ys, w)$coefficients
    cf <- pmax(cf, 0)
    rss <- sum(w * (ys - X %*% cf)^2)
    if (is.null(best) || rss < best$rss) best <- list(a = cf[1], b = cf[2], k = k, rss = rss)
  }
  fit <- nls(ys ~ a + b * x^k, weights = w, algorithm = "port",
             start = list(a = max(best$a, 1e-6), b = max(best$b, 1e-6), k = best$k),
             lower = c(0, 0, 0), upper = c(Inf, Inf, K_MAX),
             control = nls.control(maxiter = 1000, tol = 1e-12, scaleOffset = 1))
  cf <- coef(fit)
  members <- list(
    id = json_str(id), description = json_str(description), seed = json_num(seed),
    sizes = json_nums(n), values = json_nums(y),
    intercept = json_num(cf[["a"]] * s),
    coefficient = json_num(cf[["b"]] * s / n0^cf[["k"]]),
    exponent = json_num(cf[["k"]]),
    weightedResidualSumOfSquares = json_num(deviance(fit)))
  if (runs == 1) {
    se <- summary(fit)$coefficients["k", "Std. Error"]
    q <- qt(0.975, length(n) - 3)
    slope <- confint(lm(log(y) ~ log(n)))[2, ]
    members$exponentLow <- json_num(cf[["k"]] - q * se)
    members$exponentHigh <- json_num(cf[["k"]] + q * se)
    members$slope <- json_num(coef(lm(log(y) ~ log(n)))[[2]])
    members$slopeLow <- json_num(slope[[1]])
    members$slopeHigh <- json_num(slope[[2]])
  } else {
    means <- tapply(y, n, mean)
    members$slope <- json_num(coef(lm(log(means) ~ log(as.numeric(names(means)))))[[2]])
  }
  json_obj(members, "    ")
}

sizes <- 2^(7:13)
cases <- list(
  fit_case("quadratic-runs", "a + b n^2 with a start-up cost, 5 runs per size, 3% noise", 301,
           sizes, 5, function(n) 2e6 + 3 * n^2, 0.03, 0.02),
  fit_case("linear-runs", "a + b n with a large start-up cost, 5 runs per size, 5% noise", 302,
           sizes, 5, function(n) 4e7 + 900 * n, 0.05),
  fit_case("cubic-runs", "b n^3 without start-up, 3 runs per size, 2% noise", 303,
           c(16, 24, 32, 48, 64, 96, 128), 3, function(n) 0.5 * n^3, 0.02),
  fit_case("linearithmic-runs", "a + b n log n, 4 runs per size, 4% noise", 304,
           10^(2:7), 4, function(n) 3e5 + 20 * n * log(n), 0.04),
  fit_case("working-set-single", "1024 n + 4 n^2 + 50 kB, one value per size, 1% noise", 305,
           c(128, 256, 512, 1024, 2048, 4096, 8192), 1, function(n) 51200 + 1024 * n + 4 * n^2, 0.01),
  fit_case("power-1.5-single", "a + b n^1.5, one value per size, 5% noise", 306,
           c(100, 200, 400, 800, 1600, 3200, 6400, 12800), 1, function(n) 1e4 + 7 * n^1.5, 0.05)
)
write_reference(json_obj(list(cases = json_arr(cases, "  "))), "scaling.json", "scaling.R")
