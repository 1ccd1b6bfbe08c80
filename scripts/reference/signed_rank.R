#!/usr/bin/env Rscript
# Reference values for the Wilcoxon signed-rank interval (QEStatistics' SignedRankInterval and
# SignedRankDistribution), from R's stats::wilcox.test(x, conf.int = TRUE, conf.level =,
# exact = TRUE) and psignrank/qsignrank.
#
#   Rscript scripts/reference/signed_rank.R
#
# writes Tests/QEStatisticsTests/Reference/signed-rank.json.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/signed_rank.R"

cases <- list()
add <- function(id, description, seed, gen, conf) {
  cases[[length(cases) + 1L]] <<- list(id = id, description = description, seed = seed, gen = gen, conf = conf)
}

add("n3-95", "Three values: no interval reaches 95%; the widest is returned.", 5001, function() rnorm(3, 0.1, 0.05), 0.95)
add("n5-95", "Five values at 95%.", 5002, function() rnorm(5, 0.02, 0.01), 0.95)
add("n9-bonferroni", "Nine values at the bisection's per-look confidence for 15 commits.", 5003,
    function() rnorm(9, -0.04, 0.015), 1 - 2 * 0.05 / 21)
add("n10-99", "Ten values at 99%.", 5004, function() rnorm(10, 0, 0.02), 0.99)
add("n12-heavy-tail", "Twelve values with two wild ones.", 5005,
    function() c(rnorm(10, 0.03, 0.01), 0.4, -0.3), 0.99)
add("n14-bisect", "Fourteen per-round differences at 1 - 2*0.05/24.", 5006,
    function() rnorm(14, 0.024, 0.02), 1 - 2 * 0.05 / 24)
add("n20-95", "Twenty values at 95%.", 5007, function() rnorm(20, 1, 0.3), 0.95)
add("n20-999", "Twenty values at 99.9%.", 5008, function() rt(20, 3) * 0.01, 0.999)
add("n35-90", "Thirty-five values at 90%.", 5009, function() rnorm(35, -0.5, 1), 0.90)
add("n60-exact-95", "Sixty values, exact distribution forced.", 5010, function() rexp(60) - 1, 0.95)

case_json <- function(cs) {
  set.seed(cs$seed)
  x <- as.double(cs$gen())
  res <- suppressWarnings(wilcox.test(x, conf.int = TRUE, conf.level = cs$conf, exact = TRUE))
  n <- length(x)
  alpha <- 1 - cs$conf
  qu <- qsignrank(alpha / 2, n)
  achieved <- 1 - 2 * psignrank(max(qu, 1) - 1, n)
  json_obj(list(
    id = json_str(cs$id), description = json_str(cs$description), seed = json_num(cs$seed),
    x = json_nums(x), confLevel = json_num(cs$conf),
    expected = json_obj(list(
      estimate = json_num(unname(res$estimate)),
      confLow = json_num(res$conf.int[1]), confHigh = json_num(res$conf.int[2]),
      achievedConfidence = json_num(achieved), reaches = json_bool(qu >= 1),
      statistic = json_num(unname(res$statistic)), pValue = json_num(res$p.value)
    ), indent = "      ")), indent = "    ")
}

distribution_json <- function(n) {
  qs <- 0:(n * (n + 1) / 2)
  ps <- c(0.001, 0.01, 0.025, 0.05, 0.5, 0.95, 0.975, 0.999)
  json_obj(list(
    n = json_num(n), cdf = json_nums(psignrank(qs, n)), upper = json_nums(psignrank(qs, n, lower.tail = FALSE)),
    probabilities = json_nums(ps), quantiles = json_nums(qsignrank(ps, n))), indent = "    ")
}

out <- reference_path("signed-rank.json")
write_text(json_obj(list(
  generator = json_str(GENERATOR), r = json_str(R.version.string),
  cases = json_arr(vapply(cases, case_json, ""), "  "),
  distributions = json_arr(vapply(c(1L, 4L, 9L, 13L), distribution_json, ""), "  "))), out)
cat(sprintf("wrote %d cases to %s\n", length(cases), out))
