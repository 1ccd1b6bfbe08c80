#!/usr/bin/env Rscript
# Reference values for the decisions of `qe-validate bisect` (QEValidation's BisectJudge), from
# R's stats::wilcox.test (signed rank, exact) on per-round log differences:
#   premise:  e = log(bad) - log(good);                  wilcox.test(e, conf.int = TRUE, conf.level = k)
#   commit:   x = log(cand) - (log(good) + log(bad))/2;  the same on x
#             ratio against good: the same on log(cand) - log(good)
# where k = 1 - 2 * alpha / (D * L): D = 1 + ceiling(log2(n)) + 4 decisions for n candidate
# commits, L the smallest look share whose schedule has at most L looks: the first look at the
# fewest rounds r with 2^-r <= alpha / (D * L), then about 1.5 times as many, then the run limit
# (a look within a fifth of the limit is dropped). The extended looks are the same plus the run
# limit: the premise looks at both (it goes on past the limit while open), a commit measured
# again after it was undecided ("continuing") at the extended ones only. Rounds share a machine
# shift (it must cancel) and have independent noise per build; one case has a wild round.
#
#   Rscript scripts/reference/bisect.R
#
# writes Tests/QEValidationTests/Reference/bisect.json.

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

GENERATOR <- "scripts/reference/bisect.R"

schedule <- function(first, max_runs) {
  out <- integer(0)
  nxt <- first
  while (nxt < max_runs) {
    out <- c(out, nxt)
    nxt <- (nxt * 3L + 1L) %/% 2L
  }
  if (length(out) > 0L && out[length(out)] * 1.25 > max_runs) out <- out[-length(out)]
  c(out, max_runs)
}

decisions <- function(n) 1L + (if (n <= 1L) 0L else as.integer(ceiling(log2(n)))) + 4L

# The looks and the share L of alpha / D each gets.
looks <- function(max_runs, D, alpha) {
  L <- 1L
  repeat {
    first <- 1L
    while (2^-first > alpha / (D * L) * (1 - 1e-12)) first <- first + 1L
    s <- schedule(first, max_runs)
    if (length(s) <= L) return(list(looks = s, share = L))
    L <- L + 1L
  }
}

centre <- function(v, k) {
  res <- wilcox.test(v, conf.int = TRUE, conf.level = k, exact = TRUE)
  c(unname(res$estimate), res$conf.int)
}

cases <- list()
add <- function(id, kind, seed, runs, bad, candidate = NA, sd = 0.01, n = 15L, max_runs = 20L,
                confidence = 0.95, threshold = 0.05, wild = 0L, continuing = FALSE) {
  cases[[length(cases) + 1L]] <<- list(id = id, kind = kind, seed = seed, runs = runs, bad = bad,
    candidate = candidate, sd = sd, n = n, max_runs = max_runs, confidence = confidence,
    threshold = threshold, wild = wild, continuing = continuing)
}

add("premise-confirmed", "premise", 4101, 10L, 1.10)
add("premise-refused", "premise", 4102, 10L, 1.00, sd = 0.005)
add("premise-open-at-limit", "premise", 4103, 20L, 1.05, sd = 0.02)
add("premise-open", "premise", 4104, 10L, 1.06, sd = 0.03)
add("premise-99-percent-31-commits", "premise", 4105, 18L, 1.08, sd = 0.02, n = 31L, confidence = 0.99, max_runs = 30L)
add("premise-confirmed-at-extended-look", "premise", 4106, 30L, 1.05, sd = 0.03, threshold = 0.02)
add("premise-open-at-twice-limit", "premise", 4107, 40L, 1.035, sd = 0.03)
add("commit-good", "commit", 4201, 10L, 1.10, 1.00, sd = 0.005)
add("commit-bad", "commit", 4202, 15L, 1.10, 1.10)
add("commit-undecided-at-limit", "commit", 4203, 20L, 1.10, 1.049, sd = 0.02)
add("commit-open", "commit", 4204, 10L, 1.05, 1.03, sd = 0.03)
add("commit-good-noise-5-percent", "commit", 4205, 20L, 1.05, 1.005, sd = 0.01, n = 31L)
add("commit-bad-wild-round", "commit", 4206, 20L, 1.10, 1.10, sd = 0.01, wild = 1L)
add("commit-two-candidates", "commit", 4207, 8L, 1.30, 1.30, sd = 0.01, max_runs = 8L, n = 2L)
add("commit-continued-bad", "commit", 4208, 30L, 1.05, 1.05, sd = 0.02, n = 31L, continuing = TRUE)
add("commit-continued-open", "commit", 4209, 35L, 1.05, 1.025, sd = 0.02, n = 31L, continuing = TRUE)
add("commit-continued-undecided", "commit", 4211, 40L, 1.05, 1.0247, sd = 0.03, n = 31L, continuing = TRUE)

case_json <- function(cs) {
  set.seed(cs$seed)
  r <- cs$runs
  shift <- rnorm(r, 0, 0.05)
  good <- 1e8 * exp(shift + rnorm(r, 0, cs$sd))
  bad <- 1e8 * cs$bad * exp(shift + rnorm(r, 0, cs$sd))
  cand <- if (is.na(cs$candidate)) NULL else 1e8 * cs$candidate * exp(shift + rnorm(r, 0, cs$sd))
  if (cs$wild > 0L) {
    # A burst of other work: rounds where good and bad took 40% longer and the candidate
    # did not, pulling them hard towards "good" (a t interval would not decide here).
    good[seq_len(cs$wild)] <- good[seq_len(cs$wild)] * 1.4
    bad[seq_len(cs$wild)] <- bad[seq_len(cs$wild)] * 1.4
  }
  D <- decisions(cs$n)
  alpha <- 1 - cs$confidence
  plan <- looks(cs$max_runs, D, alpha)
  L <- plan$looks
  E <- L + cs$max_runs
  # The looks this decision uses.
  S <- if (cs$kind == "premise") c(L, E) else if (cs$continuing) E else L
  stopifnot(r %in% S)
  k <- 1 - 2 * alpha / (D * plan$share)
  last <- r >= S[length(S)]
  if (cs$kind == "premise") {
    ci <- centre(log(bad) - log(good), k)
    limit <- log1p(cs$threshold)
    outcome <- if (ci[2] > limit) "confirmed" else
      if (ci[3] < limit || last) "not-confirmed" else "measure"
    expected <- list(outcome = json_str(outcome), ratio = json_nums(exp(ci)))
  } else {
    cx <- centre(log(cand) - (log(good) + log(bad)) / 2, k)
    cr <- centre(log(cand) - log(good), k)
    outcome <- if (cx[3] < 0) "good" else if (cx[2] > 0) "bad" else
      if (last) "undecided" else "measure"
    expected <- list(outcome = json_str(outcome), ratio = json_nums(exp(cr)),
      midpoint = json_num(exp(centre(log(bad) - log(good), k)[1] / 2)))
  }
  json_obj(list(
    id = json_str(cs$id), kind = json_str(cs$kind), seed = json_num(cs$seed),
    candidates = json_num(cs$n), maxRuns = json_num(cs$max_runs), confidence = json_num(cs$confidence),
    threshold = json_num(cs$threshold), decisions = json_num(D), looks = json_nums(L),
    extendedLooks = json_nums(E), continuing = json_bool(cs$continuing),
    lookShare = json_num(plan$share),
    intervalConfidence = json_num(k),
    good = json_nums(good), bad = json_nums(bad), candidate = if (is.null(cand)) "null" else json_nums(cand),
    expected = json_obj(expected, indent = "      ")), indent = "    ")
}

out <- file.path(repo_root(), "Tests", "QEValidationTests", "Reference", "bisect.json")
dir.create(dirname(out), showWarnings = FALSE)
write_text(json_obj(list(generator = json_str(GENERATOR), r = json_str(R.version.string),
                         cases = json_arr(vapply(cases, case_json, ""), "  "))), out)
cat(sprintf("wrote %d cases to %s\n", length(cases), out))
