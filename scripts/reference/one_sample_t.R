#!/usr/bin/env Rscript
# Reference values for the one-sample t test, from R's stats::t.test(x, mu = , alternative = ),
# as used on per-run log speedups (paired runs) to judge a claimed minimum.
#
#   Rscript scripts/reference/one_sample_t.R
#
# writes Tests/QEStatisticsTests/Reference/one-sample-t.json.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/one_sample_t.R"

cases <- list()
add <- function(id, description, seed, gen, mu, alternative = "two.sided", conf = 0.95) {
  cases[[length(cases) + 1L]] <<- list(id = id, description = description, seed = seed,
                                       gen = gen, mu = mu, alternative = alternative, conf = conf)
}

logratios <- function(k, speedup, sd) rnorm(k, log(speedup), sd)

add("five-runs-speedup-3-vs-2.49-greater", "Per-run log speedups around log(3), claim minimum 2.49.", 3001,
    function() logratios(5, 3, 0.05), log(2.49), "greater")
add("five-runs-speedup-2.5-vs-2.49-greater", "Estimate barely above the claimed minimum.", 3002,
    function() logratios(5, 2.5, 0.1), log(2.49), "greater")
add("three-runs-two-sided", "Three runs, two-sided against 0.", 3003,
    function() logratios(3, 1.2, 0.2), 0)
add("two-runs-less", "Two runs, one-sided less.", 3004,
    function() logratios(2, 0.9, 0.05), 0, "less")
add("ten-runs-conf099", "Ten runs, 99%.", 3005,
    function() logratios(10, 4, 0.3), log(2.49), "two.sided", 0.99)
add("twenty-runs-conf0998", "Bonferroni-sized confidence 1 - 0.05/25.", 3006,
    function() logratios(20, 60, 0.1), log(50), "greater", 1 - 0.05 / 25)
add("negative-t", "Estimate below mu: greater gives p near 1.", 3007,
    function() logratios(6, 2, 0.05), log(2.49), "greater")

case_json <- function(cs) {
  set.seed(cs$seed)
  x <- as.double(cs$gen())
  res <- t.test(x, mu = cs$mu, alternative = cs$alternative, conf.level = cs$conf)
  expected <- json_obj(list(
    statistic = json_num(unname(res$statistic)),
    df = json_num(unname(res$parameter)),
    pValue = json_num(res$p.value),
    estimate = json_num(unname(res$estimate)),
    confLow = json_num(res$conf.int[1]),
    confHigh = json_num(res$conf.int[2])
  ), indent = "      ")
  json_obj(list(
    id = json_str(cs$id), description = json_str(cs$description), seed = json_num(cs$seed),
    x = json_nums(x), mu = json_num(cs$mu), alternative = json_str(cs$alternative),
    confLevel = json_num(cs$conf), expected = expected), indent = "    ")
}

write_cases("one-sample-t.json", GENERATOR, vapply(cases, case_json, ""))
