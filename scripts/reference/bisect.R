#!/usr/bin/env Rscript
# Reference values for the decisions of `qe-validate bisect` (QEValidation's BisectJudge), from
# R's stats::t.test on per-round log differences:
#   premise:  e = log(bad) - log(good);            t.test(e, conf.level = k)
#   commit:   x = log(cand) - (log(good) + log(bad))/2;  t.test(x, conf.level = k)
#             ratio against good: t.test(log(cand) - log(good), conf.level = k)
# where k = 1 - 2 * alpha / (D * L): D = 1 + ceiling(log2(n)) + 2 decisions for n candidate
# commits, L looks (5, 8, 12, ..., then the run limit; a look within a fifth of the limit is
# dropped). Rounds share a machine shift (it must cancel) and have independent noise per build.
#
#   Rscript scripts/reference/bisect.R
#
# writes Tests/QEValidationTests/Reference/bisect.json.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/bisect.R"

looks <- function(max_runs) {
  out <- integer(0)
  nxt <- min(5L, max_runs)
  while (nxt < max_runs) {
    out <- c(out, nxt)
    nxt <- (nxt * 3L + 1L) %/% 2L
  }
  if (length(out) > 0L && out[length(out)] * 1.25 > max_runs) out <- out[-length(out)]
  c(out, max_runs)
}

decisions <- function(n) 1L + (if (n <= 1L) 0L else as.integer(ceiling(log2(n)))) + 2L

cases <- list()
add <- function(id, kind, seed, runs, bad, candidate = NA, sd = 0.01, n = 15L, max_runs = 20L,
                confidence = 0.95, threshold = 0.05) {
  cases[[length(cases) + 1L]] <<- list(id = id, kind = kind, seed = seed, runs = runs, bad = bad,
    candidate = candidate, sd = sd, n = n, max_runs = max_runs, confidence = confidence,
    threshold = threshold)
}

add("premise-confirmed", "premise", 4101, 5L, 1.10)
add("premise-refused", "premise", 4102, 5L, 1.00, sd = 0.005)
add("premise-undecided-at-limit", "premise", 4103, 20L, 1.05, sd = 0.02)
add("premise-open", "premise", 4104, 8L, 1.06, sd = 0.03)
add("premise-99-percent-31-commits", "premise", 4105, 12L, 1.08, sd = 0.02, n = 31L, confidence = 0.99)
add("commit-good", "commit", 4201, 8L, 1.10, 1.00, sd = 0.005)
add("commit-bad", "commit", 4202, 8L, 1.10, 1.10)
add("commit-undecided-at-limit", "commit", 4203, 20L, 1.10, 1.049, sd = 0.02)
add("commit-open", "commit", 4204, 5L, 1.05, 1.03, sd = 0.03)
add("commit-good-noise-5-percent", "commit", 4205, 20L, 1.05, 1.005, sd = 0.01, n = 31L)
add("commit-bad-limit-8", "commit", 4206, 8L, 1.20, 1.19, sd = 0.05, max_runs = 8L)
add("commit-three-runs", "commit", 4207, 3L, 1.30, 1.30, sd = 0.01, max_runs = 3L, n = 2L)

case_json <- function(cs) {
  set.seed(cs$seed)
  r <- cs$runs
  shift <- rnorm(r, 0, 0.05)
  good <- 1e8 * exp(shift + rnorm(r, 0, cs$sd))
  bad <- 1e8 * cs$bad * exp(shift + rnorm(r, 0, cs$sd))
  cand <- if (is.na(cs$candidate)) NULL else 1e8 * cs$candidate * exp(shift + rnorm(r, 0, cs$sd))
  L <- looks(cs$max_runs)
  D <- decisions(cs$n)
  alpha <- 1 - cs$confidence
  k <- 1 - 2 * alpha / (D * length(L))
  last <- r >= L[length(L)]
  if (cs$kind == "premise") {
    tt <- t.test(log(bad) - log(good), conf.level = k)
    limit <- log1p(cs$threshold)
    outcome <- if (tt$conf.int[1] > limit) "confirmed" else
      if (tt$conf.int[2] < limit || last) "not-confirmed" else "measure"
    expected <- list(outcome = json_str(outcome),
      ratio = json_nums(exp(c(unname(tt$estimate), tt$conf.int))))
  } else {
    tx <- t.test(log(cand) - (log(good) + log(bad)) / 2, conf.level = k)
    tr <- t.test(log(cand) - log(good), conf.level = k)
    outcome <- if (tx$conf.int[2] < 0) "good" else if (tx$conf.int[1] > 0) "bad" else
      if (last) "undecided" else "measure"
    expected <- list(outcome = json_str(outcome),
      ratio = json_nums(exp(c(unname(tr$estimate), tr$conf.int))),
      midpoint = json_num(exp(mean(log(bad) - log(good)) / 2)))
  }
  json_obj(list(
    id = json_str(cs$id), kind = json_str(cs$kind), seed = json_num(cs$seed),
    candidates = json_num(cs$n), maxRuns = json_num(cs$max_runs), confidence = json_num(cs$confidence),
    threshold = json_num(cs$threshold), decisions = json_num(D), looks = json_nums(L),
    intervalConfidence = json_num(k),
    good = json_nums(good), bad = json_nums(bad), candidate = if (is.null(cand)) "null" else json_nums(cand),
    expected = json_obj(expected, indent = "      ")), indent = "    ")
}

out <- file.path(repo_root(), "Tests", "QEValidationTests", "Reference", "bisect.json")
dir.create(dirname(out), showWarnings = FALSE)
write_text(json_obj(list(generator = json_str(GENERATOR), r = json_str(R.version.string),
                         cases = json_arr(vapply(cases, case_json, ""), "  "))), out)
cat(sprintf("wrote %d cases to %s\n", length(cases), out))
