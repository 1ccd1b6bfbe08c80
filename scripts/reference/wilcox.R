#!/usr/bin/env Rscript
# Reference values for the two-sample Wilcoxon rank-sum (Mann-Whitney) test and
# the Hodges-Lehmann confidence interval, from R's stats::wilcox.test.
#
#   Rscript scripts/reference/wilcox.R
#
# writes Tests/QEStatisticsTests/Reference/wilcox.json. Every case draws its
# data after its own set.seed(), so the output is reproducible byte for byte
# and adding/removing a case does not change the others.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/wilcox.R"

cases <- list()

# seed:   set.seed(seed) is called immediately before gen()
# gen:    function() returning list(x=, y=) (kind "raw") or
#         list(baseline=, candidate=) (kind "speedup"; R sees log() of both)
# expect: "exact" / "normal" -- asserted, so a case cannot silently drift away
#         from the branch its id claims to cover
# ci:     "ok" / "error"   -- asserted likewise
add <- function(id, description, seed, gen, alternative = "two.sided",
                conf = 0.95, exact = NULL, correct = TRUE, expect, ci = "ok") {
  stopifnot(!(id %in% vapply(cases, `[[`, "", "id")))
  cases[[length(cases) + 1L]] <<- list(
    id = id, description = description, seed = seed, gen = gen,
    alternative = alternative, conf = conf, exact = exact, correct = correct,
    expect = expect, ci = ci)
}

ns <- function(n, mean = 0, sd = 1) rnorm(n, mean, sd)
# Benchmark-like timings in nanoseconds (~13.4 ms per iteration).
BASE_NS <- 13.4e6
timings <- function(n, factor = 1, sdlog = 0.03) rlnorm(n, log(BASE_NS * factor), sdlog)
to_us <- function(t) round(t / 1000) * 1000   # round ns timings to whole microseconds

## ---- exact branch (no ties, both n < 50) ----------------------------------
add("exact-n5-m7-two-sided", "Exact branch, small normal samples, y shifted by +1.", 101,
    function() list(x = ns(5), y = ns(7, 1)), "two.sided", expect = "exact")
add("exact-n5-m7-less", "Exact branch, same data as exact-n5-m7-two-sided, alternative less.", 101,
    function() list(x = ns(5), y = ns(7, 1)), "less", expect = "exact")
add("exact-n5-m7-greater", "Exact branch, same data as exact-n5-m7-two-sided, alternative greater.", 101,
    function() list(x = ns(5), y = ns(7, 1)), "greater", expect = "exact")
add("exact-n10-m12-two-sided", "Exact branch, moderate samples, x shifted by +0.8.", 102,
    function() list(x = ns(10, 0.8), y = ns(12)), "two.sided", expect = "exact")
add("exact-n20-m25-greater-conf099", "Exact branch, one-sided greater, 99% interval.", 103,
    function() list(x = ns(20, 0.5), y = ns(25)), "greater", conf = 0.99, expect = "exact")
add("exact-n20-m25-less-conf090", "Exact branch, one-sided less, 90% interval.", 103,
    function() list(x = ns(20, 0.5), y = ns(25)), "less", conf = 0.90, expect = "exact")
add("exact-n8-m9-conf090", "Exact branch, 90% two-sided interval.", 104,
    function() list(x = ns(8), y = ns(9, -0.4)), conf = 0.90, expect = "exact")
add("exact-n8-m9-conf095", "Exact branch, 95% two-sided interval (same data as conf090).", 104,
    function() list(x = ns(8), y = ns(9, -0.4)), conf = 0.95, expect = "exact")
add("exact-n8-m9-conf099", "Exact branch, 99% two-sided interval (same data as conf090).", 104,
    function() list(x = ns(8), y = ns(9, -0.4)), conf = 0.99, expect = "exact")

## ---- tiny samples -----------------------------------------------------------
add("exact-n2-m2-two-sided", "n=2, m=2: 95% not achievable; R widens to the full range and reports the achieved level.", 201,
    function() list(x = ns(2), y = ns(2, 1)), expect = "exact")
add("exact-n2-m2-less", "n=2, m=2, one-sided less: 95% not achievable.", 201,
    function() list(x = ns(2), y = ns(2, 1)), "less", expect = "exact")
add("exact-n2-m2-greater-conf090", "n=2, m=2, one-sided greater at 90%: not achievable.", 201,
    function() list(x = ns(2), y = ns(2, 1)), "greater", conf = 0.90, expect = "exact")
add("exact-n2-m3-two-sided", "n=2, m=3 (smallest two-sided p is 0.2); 95% not achievable, R warns and reports 0.8.", 202,
    function() list(x = ns(2, 2), y = ns(3)), expect = "exact")
add("exact-n3-m2-greater", "n=3, m=2, one-sided greater.", 203,
    function() list(x = ns(3, 1), y = ns(2)), "greater", expect = "exact")
add("exact-n3-m3-two-sided", "n=3, m=3, two-sided.", 204,
    function() list(x = ns(3), y = ns(3, 0.5)), expect = "exact")
add("exact-n3-m3-conf090", "n=3, m=3 at 90%: 1 - 2/20 = 0.9 is achievable exactly.", 204,
    function() list(x = ns(3), y = ns(3, 0.5)), conf = 0.90, expect = "exact")

add("exact-n3-m4-conf095-silent", "n=3, m=4: the full-range interval only has coverage 1 - 2/35 = 0.943, but that is within R's tolerance (achieved alpha - alpha <= alpha/2), so R reports 0.95 without a warning.", 205,
    function() list(x = ns(3), y = ns(4, 1)), expect = "exact")
add("exact-n2-m6-conf095-silent", "n=2, m=6: full-range coverage 1 - 2/28 = 0.929; 0.0714 - 0.05 <= 0.025, so R still reports 0.95 without a warning.", 206,
    function() list(x = ns(2), y = ns(6, 0.5)), expect = "exact")

## ---- unequal sizes / boundary of the exact branch ----------------------------
add("exact-n3-m40-two-sided", "Very unequal sizes, n=3, m=40.", 301,
    function() list(x = ns(3, 1), y = ns(40)), expect = "exact")
add("exact-n40-m3-less", "Very unequal sizes the other way, n=40, m=3, less.", 302,
    function() list(x = ns(40), y = ns(3, 0.7)), "less", expect = "exact")
add("exact-n49-m49-two-sided", "Largest sizes that still use the exact branch by default.", 303,
    function() list(x = ns(49, 0.3), y = ns(49)), expect = "exact")
add("exact-n49-m49-separated-two-sided", "Completely separated samples: smallest exact two-sided p, 2/choose(98,49).", 304,
    function() list(x = ns(49, 10), y = ns(49)), expect = "exact")
add("exact-n49-m49-separated-greater", "Completely separated samples: smallest exact one-sided p, 1/choose(98,49).", 304,
    function() list(x = ns(49, 10), y = ns(49)), "greater", expect = "exact")
add("exact-n49-m49-separated-less", "Completely separated samples, alternative less: p = 1.", 304,
    function() list(x = ns(49, 10), y = ns(49)), "less", expect = "exact")

## ---- normal branch because n >= 50 -------------------------------------------
add("normal-n50-m60-two-sided", "n=50 triggers the normal approximation (with continuity correction).", 401,
    function() list(x = ns(50, 0.3), y = ns(60)), expect = "normal")
add("normal-n50-m60-less", "Normal branch, one-sided less.", 401,
    function() list(x = ns(50, 0.3), y = ns(60)), "less", expect = "normal")
add("normal-n50-m60-greater", "Normal branch, one-sided greater.", 401,
    function() list(x = ns(50, 0.3), y = ns(60)), "greater", expect = "normal")
add("normal-n50-m60-nocorrect", "Normal branch, correct = FALSE.", 401,
    function() list(x = ns(50, 0.3), y = ns(60)), correct = FALSE, expect = "normal")
add("normal-n49-m50-two-sided", "m=50 alone is enough to leave the exact branch.", 402,
    function() list(x = ns(49), y = ns(50, -0.2)), expect = "normal")
add("normal-n200-m150-two-sided", "Normal branch, n=200, m=150.", 403,
    function() list(x = ns(200), y = ns(150, 0.15)), expect = "normal")
add("normal-n200-m150-conf090", "Normal branch, 90% interval.", 403,
    function() list(x = ns(200), y = ns(150, 0.15)), conf = 0.90, expect = "normal")
add("normal-n200-m150-conf099", "Normal branch, 99% interval.", 403,
    function() list(x = ns(200), y = ns(150, 0.15)), conf = 0.99, expect = "normal")
add("normal-n200-m150-greater-nocorrect", "Normal branch, one-sided greater, correct = FALSE.", 403,
    function() list(x = ns(200), y = ns(150, 0.15)), "greater", correct = FALSE, expect = "normal")
add("forced-exact-n60-m55", "exact = TRUE with n >= 50 and no ties: R uses the exact distribution.", 404,
    function() list(x = ns(60, 0.4), y = ns(55)), exact = TRUE, expect = "exact")

## ---- normal branch because of ties (n < 50) ---------------------------------
add("ties-int-n10-m12-two-sided", "Small integer data (1..5): ties force the normal branch.", 501,
    function() list(x = as.double(sample(1:5, 10, TRUE)), y = as.double(sample(2:6, 12, TRUE))),
    expect = "normal")
add("ties-int-n10-m12-less", "Integer ties, one-sided less.", 501,
    function() list(x = as.double(sample(1:5, 10, TRUE)), y = as.double(sample(2:6, 12, TRUE))),
    "less", expect = "normal")
add("ties-int-n10-m12-nocorrect", "Integer ties, correct = FALSE.", 501,
    function() list(x = as.double(sample(1:5, 10, TRUE)), y = as.double(sample(2:6, 12, TRUE))),
    correct = FALSE, expect = "normal")
add("ties-rounded-n15-m20-two-sided", "Data rounded to one decimal: ties force the normal branch.", 502,
    function() list(x = round(ns(15, 0.5), 1), y = round(ns(20), 1)), expect = "normal")
add("ties-rounded-n15-m20-greater-conf099", "Rounded data, one-sided greater, 99%.", 502,
    function() list(x = round(ns(15, 0.5), 1), y = round(ns(20), 1)), "greater", conf = 0.99,
    expect = "normal")
add("ties-exact-true-fallback", "exact = TRUE with ties: R warns and falls back to the normal approximation.", 503,
    function() list(x = round(ns(12), 1), y = round(ns(14, 0.6), 1)), exact = TRUE, expect = "normal")
add("ties-single-tie-n6-m7", "Exactly one tied pair between x and y (still leaves the exact branch).", 504,
    function() { x <- ns(6); y <- ns(7, 0.5); y[3] <- x[2]; list(x = x, y = y) }, expect = "normal")
add("forced-normal-n6-m8", "exact = FALSE on small tie-free data.", 505,
    function() list(x = ns(6, 1), y = ns(8)), exact = FALSE, expect = "normal")
add("forced-normal-n6-m8-nocorrect", "exact = FALSE and correct = FALSE on small tie-free data.", 505,
    function() list(x = ns(6, 1), y = ns(8)), exact = FALSE, correct = FALSE, expect = "normal")
add("forced-normal-n6-m8-less", "exact = FALSE, one-sided less.", 505,
    function() list(x = ns(6, 1), y = ns(8)), "less", exact = FALSE, expect = "normal")

## ---- heavy tails ---------------------------------------------------------------
add("heavy-cauchy-n30-m35", "Cauchy samples, exact branch.", 601,
    function() list(x = rcauchy(30, 1), y = rcauchy(35)), expect = "exact")
add("heavy-cauchy-n100-m100", "Cauchy samples, normal branch.", 602,
    function() list(x = rcauchy(100), y = rcauchy(100, 0.5)), expect = "normal")
add("heavy-lognormal-sdlog2-n40-m45", "Lognormal with sdlog = 2, exact branch.", 603,
    function() list(x = rlnorm(40, 0, 2), y = rlnorm(45, 0.5, 2)), expect = "exact")
add("heavy-lognormal-sdlog2-n80-m70", "Lognormal with sdlog = 2, normal branch.", 604,
    function() list(x = rlnorm(80, 0.5, 2), y = rlnorm(70, 0, 2)), expect = "normal")
add("contaminated-n30-m30", "Normal data with three huge outliers (1e6 scale) in x, exact branch.", 605,
    function() { x <- ns(30, 0.5); x[c(4, 17, 29)] <- 1e6 * (1 + runif(3)); list(x = x, y = ns(30)) },
    expect = "exact")
add("contaminated-n100-m120", "Normal data with outliers of both signs (1e8 scale) in both samples, normal branch.", 606,
    function() {
      x <- ns(100); y <- ns(120, 0.3)
      x[c(7, 50)] <- c(-3e8, 5e8); y[c(1, 60, 119)] <- c(2e8, 9e8, -1e8)
      list(x = x, y = y)
    }, expect = "normal")

## ---- zero spread ---------------------------------------------------------------
add("zero-spread-x-const-y-const-different", "x all equal (1), y all equal (2): p is finite, interval cannot be computed.", 701,
    function() list(x = rep(1, 5), y = rep(2, 6)), expect = "normal", ci = "error")
add("zero-spread-all-same-value", "x and y all the same value: SIGMA = 0, so z = 0/0 and R returns p = NaN; interval cannot be computed.", 702,
    function() list(x = rep(3.5, 5), y = rep(3.5, 6)), expect = "normal", ci = "error")
add("zero-spread-x-const-y-varies", "x all equal, y continuous: ties only within x.", 703,
    function() list(x = rep(0.25, 8), y = ns(9)), expect = "normal")

## ---- shift of exactly zero / nearly identical ---------------------------------
add("shift-zero-identical-n10", "y is exactly x: every value tied across samples, W = nm/2, p = 1, estimate 0.", 801,
    function() { x <- ns(10); list(x = x, y = x) }, expect = "normal")
add("shift-zero-permuted-n60", "y is a permutation of x (n = 60).", 802,
    function() { x <- ns(60); list(x = x, y = sample(x)) }, expect = "normal")
add("nearly-identical-exact-n15", "y = x + 1e-9 noise: p close to 1, exact branch.", 803,
    function() { x <- ns(15); list(x = x, y = x + rnorm(15, 0, 1e-9)) }, expect = "exact")
add("nearly-identical-normal-n100", "Same distribution, large samples: p close to 1.", 804,
    function() { x <- ns(100); list(x = x, y = x + rnorm(100, 0, 1e-6)) }, expect = "normal")

## ---- very separated samples (tiny p) ------------------------------------------
add("separated-normal-n200-m200", "Strongly separated samples, normal branch, p around 1e-30.", 901,
    function() list(x = ns(200, 1.35), y = ns(200)), expect = "normal")
add("separated-normal-complete-n100-m100", "Completely separated samples, normal branch.", 902,
    function() list(x = ns(100, 20), y = ns(100)), expect = "normal")
add("separated-normal-complete-n100-m100-less", "Completely separated samples, normal branch, alternative less (p near 1).", 902,
    function() list(x = ns(100, 20), y = ns(100)), "less", expect = "normal")

## ---- large samples -------------------------------------------------------------
add("large-n5000-m5000-continuous", "Large continuous samples, small shift.", 1001,
    function() list(x = ns(5000, 0.05), y = ns(5000)), expect = "normal")
add("large-n5000-m5000-rounded-ties", "Large samples rounded to 2 decimals (many ties).", 1002,
    function() list(x = round(ns(5000), 2), y = round(ns(5000, 0.03), 2)), expect = "normal")
add("large-n6000-m5000-greater", "Large unequal samples, one-sided greater.", 1003,
    function() list(x = ns(6000, 0.04), y = ns(5000)), "greater", expect = "normal")

## ---- speedup cases (benchmark timings; R sees log(baseline), log(candidate)) --
sp <- function(nb, nc, fc, sdlog = 0.03, fb = 1) function() list(
  baseline = timings(nb, fb, sdlog), candidate = timings(nc, fc, sdlog))
add("speedup-n20-m20-faster10pct", "Candidate ~10% faster, exact branch.", 1101,
    sp(20, 20, 0.90), expect = "exact")
add("speedup-n30-m30-faster2pct", "Candidate ~2% faster (borderline), exact branch.", 1102,
    sp(30, 30, 0.98), expect = "exact")
add("speedup-n15-m15-slower5pct", "Candidate ~5% slower, exact branch.", 1103,
    sp(15, 15, 1.05), expect = "exact")
add("speedup-n25-m25-faster-greater", "Candidate faster; one-sided greater (baseline log-time larger).", 1104,
    sp(25, 25, 0.95), "greater", expect = "exact")
add("speedup-n25-m25-faster-less", "Candidate faster; one-sided less (wrong direction, p near 1).", 1104,
    sp(25, 25, 0.95), "less", expect = "exact")
add("speedup-n5-m5-faster", "Five runs each, candidate 20% faster.", 1105,
    sp(5, 5, 0.80), expect = "exact")
add("speedup-n2-m2", "Two runs each (conf level not achievable).", 1106,
    sp(2, 2, 0.90), expect = "exact")
add("speedup-n60-m60-faster3pct", "Candidate ~3% faster, normal branch.", 1107,
    sp(60, 60, 0.97), expect = "normal")
add("speedup-n100-m100-slower1pct", "Candidate ~1% slower, normal branch, 99%.", 1108,
    sp(100, 100, 1.01), conf = 0.99, expect = "normal")
add("speedup-n40-m40-rounded-us", "Timings rounded to whole microseconds (ties), candidate ~1% faster.", 1109,
    function() list(baseline = to_us(timings(40, 1, 0.01)), candidate = to_us(timings(40, 0.99, 0.01))),
    expect = "normal")
add("speedup-n200-m200-rounded-us-greater", "Rounded-to-microsecond timings, n=200, one-sided greater.", 1110,
    function() list(baseline = to_us(timings(200, 1, 0.01)), candidate = to_us(timings(200, 0.995, 0.01))),
    "greater", expect = "normal")
add("speedup-identical", "Candidate timings identical to baseline (shift exactly zero).", 1111,
    function() { b <- timings(20); list(baseline = b, candidate = b) }, expect = "normal")
add("speedup-gc-spikes-n50-m50", "Candidate 5% faster, both with occasional 3x spikes (GC pauses).", 1112,
    function() {
      b <- timings(50); c <- timings(50, 0.95)
      b[c(5, 33)] <- b[c(5, 33)] * 3; c[c(12, 40, 41)] <- c[c(12, 40, 41)] * 3
      list(baseline = b, candidate = c)
    }, expect = "normal")
add("speedup-n5000-m5000-faster05pct", "Large benchmark, candidate 0.5% faster.", 1113,
    sp(5000, 5000, 0.995), expect = "normal")
add("speedup-n10-m12-much-slower", "Candidate 2x slower, exact branch, 90%.", 1114,
    sp(10, 12, 2.0, 0.05), conf = 0.90, expect = "exact")

## ---- run -----------------------------------------------------------------------
run_wilcox <- function(x, y, alternative, conf, exact, correct, conf.int) {
  warns <- character()
  res <- withCallingHandlers(
    wilcox.test(x, y, alternative = alternative, mu = 0, paired = FALSE,
                exact = exact, correct = correct, conf.int = conf.int,
                conf.level = conf),
    warning = function(w) {
      warns <<- c(warns, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  list(res = res, warnings = unique(warns))
}

case_json <- function(cs) {
  set.seed(cs$seed)
  d <- cs$gen()
  kind <- if (!is.null(d$baseline)) "speedup" else "raw"
  if (kind == "speedup") {
    stopifnot(all(d$baseline > 0), all(d$candidate > 0))
    x <- log(d$baseline); y <- log(d$candidate)
  } else {
    x <- as.double(d$x); y <- as.double(d$y)
  }

  ci_error <- NULL
  r <- tryCatch(run_wilcox(x, y, cs$alternative, cs$conf, cs$exact, cs$correct, TRUE),
                error = function(e) { ci_error <<- conditionMessage(e); NULL })
  if (is.null(r)) {
    r <- run_wilcox(x, y, cs$alternative, cs$conf, cs$exact, cs$correct, FALSE)
  }
  res <- r$res
  method <- if (grepl("exact", res$method, fixed = TRUE)) "exact" else "normal"
  if (method != cs$expect)
    stop(sprintf("case %s: expected method %s, R used '%s'", cs$id, cs$expect, res$method))
  if ((cs$ci == "error") != !is.null(ci_error))
    stop(sprintf("case %s: expected ci %s, got error = %s", cs$id, cs$ci,
                 if (is.null(ci_error)) "none" else ci_error))

  # Median of all pairwise differences (the textbook Hodges-Lehmann
  # estimator). Equals R's estimate in the exact branch; in the normal branch R
  # reports a uniroot() result instead, which may differ (see README).
  hl <- median(as.vector(outer(x, y, `-`)))

  ci_ok <- is.null(ci_error)
  fields <- list(
    statistic = json_num(unname(res$statistic)),
    pValue = json_num(res$p.value),
    method = json_str(method),
    estimate = if (ci_ok) json_num(unname(res$estimate)) else "null",
    confLow = if (ci_ok) json_num(res$conf.int[1]) else "null",
    confHigh = if (ci_ok) json_num(res$conf.int[2]) else "null",
    confLevelAchieved = if (ci_ok) json_num(attr(res$conf.int, "conf.level")) else "null",
    ciError = json_str(ci_error),
    rMethod = json_str(res$method),
    warnings = json_strs(r$warnings),
    medianOfDifferences = json_num(hl)
  )
  expected <- json_obj(fields, indent = "      ")

  members <- list(id = json_str(cs$id), description = json_str(cs$description),
                  kind = json_str(kind), seed = json_num(cs$seed))
  if (kind == "speedup") {
    members$baseline <- json_nums(d$baseline)
    members$candidate <- json_nums(d$candidate)
  }
  members <- c(members, list(
    x = json_nums(x), y = json_nums(y),
    alternative = json_str(cs$alternative),
    confLevel = json_num(cs$conf),
    exact = if (is.null(cs$exact)) "null" else json_bool(cs$exact),
    correct = json_bool(cs$correct),
    expected = expected))
  json_obj(members, indent = "    ")
}

case_strings <- vapply(cases, case_json, "")
write_cases("wilcox.json", GENERATOR, case_strings)
