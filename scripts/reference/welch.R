#!/usr/bin/env Rscript
# Reference values for Welch's two-sample t test, from R's stats::t.test with
# var.equal = FALSE.
#
#   Rscript scripts/reference/welch.R
#
# writes Tests/QEStatisticsTests/Reference/welch.json. Every case draws its data
# after its own set.seed(), so the output is reproducible byte for byte.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/welch.R"

cases <- list()
add <- function(id, description, seed, gen, alternative = "two.sided", conf = 0.95) {
  stopifnot(!(id %in% vapply(cases, `[[`, "", "id")))
  cases[[length(cases) + 1L]] <<- list(id = id, description = description, seed = seed,
                                       gen = gen, alternative = alternative, conf = conf)
}

ns <- function(n, mean = 0, sd = 1) rnorm(n, mean, sd)
logt <- function(n, factor = 1, sdlog = 0.03) log(rlnorm(n, log(13.4e6 * factor), sdlog))

add("welch-n10-m12-two-sided", "Normal samples, modest shift.", 2001,
    function() list(x = ns(10, 0.5), y = ns(12)))
add("welch-n2-m2", "Smallest possible samples (df may be close to 1).", 2002,
    function() list(x = ns(2), y = ns(2, 1)))
add("welch-n2-m5-greater", "n=2 against m=5, one-sided greater.", 2003,
    function() list(x = ns(2, 1), y = ns(5)), "greater")
add("welch-unequal-var-n15-m20", "sd 1 vs sd 5: Welch df far from n+m-2.", 2004,
    function() list(x = ns(15, 0, 1), y = ns(20, 1, 5)))
add("welch-unequal-var-n3-m100", "Three observations with tiny variance against 100 with large variance.", 2005,
    function() list(x = ns(3, 2, 0.01), y = ns(100, 0, 10)))
add("welch-n20-m25-less", "One-sided less.", 2006,
    function() list(x = ns(20, -0.3), y = ns(25)), "less")
add("welch-n20-m25-greater", "One-sided greater (same data as welch-n20-m25-less).", 2006,
    function() list(x = ns(20, -0.3), y = ns(25)), "greater")
add("welch-n30-m30-conf099", "99% interval.", 2007,
    function() list(x = ns(30, 0.2), y = ns(30, 0, 2)), conf = 0.99)
add("welch-n30-m30-conf090", "90% interval (same data as conf099).", 2007,
    function() list(x = ns(30, 0.2), y = ns(30, 0, 2)), conf = 0.90)
add("welch-logtime-n30-m30-faster", "Log of benchmark timings (ns), candidate 3% faster.", 2008,
    function() list(x = logt(30), y = logt(30, 0.97)))
add("welch-logtime-n20-m25-slower-greater", "Log timings, candidate 2% slower, one-sided greater.", 2009,
    function() list(x = logt(20), y = logt(25, 1.02)), "greater")
add("welch-logtime-n5-m5", "Log timings, five runs each.", 2010,
    function() list(x = logt(5), y = logt(5, 0.9, 0.05)))
add("welch-logtime-n2-m2", "Log timings, two runs each.", 2011,
    function() list(x = logt(2), y = logt(2, 0.95)))
add("welch-identical-means", "y is a permutation of x: t = 0, p = 1.", 2012,
    function() { x <- ns(12); list(x = x, y = sample(x)) })
add("welch-separated", "Strongly separated samples: very small p.", 2013,
    function() list(x = ns(40, 10), y = ns(40)))
add("welch-large-n1000-m1200", "Large samples, small shift, unequal variances.", 2014,
    function() list(x = ns(1000, 0.1, 1), y = ns(1200, 0, 1.5)))
add("welch-large-logtime-n5000-m5000-conf099", "Large log-timing samples, 99% interval.", 2015,
    function() list(x = logt(5000), y = logt(5000, 0.999)), conf = 0.99)
add("welch-heavy-lognormal-n50-m60", "Lognormal sdlog 2 (heavy right tail).", 2016,
    function() list(x = rlnorm(50, 0, 2), y = rlnorm(60, 0.5, 2)))

case_json <- function(cs) {
  set.seed(cs$seed)
  d <- cs$gen()
  x <- as.double(d$x); y <- as.double(d$y)
  res <- t.test(x, y, alternative = cs$alternative, mu = 0, paired = FALSE,
                var.equal = FALSE, conf.level = cs$conf)
  stopifnot(grepl("Welch", res$method, fixed = TRUE))
  expected <- json_obj(list(
    statistic = json_num(unname(res$statistic)),
    df = json_num(unname(res$parameter)),
    pValue = json_num(res$p.value),
    estimateX = json_num(unname(res$estimate[1])),
    estimateY = json_num(unname(res$estimate[2])),
    confLow = json_num(res$conf.int[1]),
    confHigh = json_num(res$conf.int[2]),
    stderr = json_num(res$stderr)
  ), indent = "      ")
  json_obj(list(
    id = json_str(cs$id), description = json_str(cs$description),
    seed = json_num(cs$seed),
    x = json_nums(x), y = json_nums(y),
    alternative = json_str(cs$alternative),
    confLevel = json_num(cs$conf),
    expected = expected), indent = "    ")
}

case_strings <- vapply(cases, case_json, "")
write_cases("welch.json", GENERATOR, case_strings)
