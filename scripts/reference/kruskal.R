# Reference values for KruskalWallisTest and MultipleComparisons (QEStatistics).
#
#   Rscript scripts/reference/kruskal.R
#
# writes Tests/QEStatisticsTests/Reference/kruskal.json and padjust.json.
# Reruns are byte-identical (fixed seeds, %.17g numbers).

source(file.path(dirname(normalizePath(sub("^--file=", "",
  grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)))), "json_helpers.R"))

set.seed(4242)
kruskal_cases <- list(
  list(name = "three normal groups, unequal sizes",
       groups = list(rnorm(8, 10, 2), rnorm(12, 11, 2), rnorm(5, 13, 2))),
  list(name = "ties (rounded values)",
       groups = list(round(rnorm(15, 5, 1)), round(rnorm(10, 5.5, 1)), round(rnorm(12, 6, 1)))),
  list(name = "heavy ties (three distinct values)",
       groups = list(c(1, 1, 2, 3, 3), c(2, 2, 2, 3), c(1, 1, 1, 1, 2, 3))),
  list(name = "two singleton groups", groups = list(1, 2)),
  list(name = "singleton groups among larger ones", groups = list(c(1, 2, 3), 5, c(0.5, 4), 2.5)),
  list(name = "ten groups", groups = lapply(1:10, function(i) rlnorm(6 + i %% 3, meanlog = i / 20))),
  list(name = "identical distributions, large groups",
       groups = list(rnorm(200), rnorm(200), rnorm(200))),
  list(name = "far apart (tiny p-value)",
       groups = list(rnorm(50, 0), rnorm(50, 10), rnorm(50, 20))),
  list(name = "one group is constant", groups = list(c(4, 4, 4), c(1, 2, 3, 5))),
  list(name = "every value identical", groups = list(c(1, 1), c(1, 1, 1))),
  list(name = "a single group", groups = list(c(1, 2, 3))),
  list(name = "an empty group", groups = list(c(1, 2, 3), numeric(0)))
)

encode_kruskal <- function(case) {
  r <- capture(kruskal.test(case$groups))
  members <- list(name = json_str(case$name),
                  groups = paste0("[", paste(vapply(case$groups, json_nums, ""), collapse = ", "), "]"))
  if (!is.null(r$error) || !is.finite(r$value$statistic)) {
    why <- if (!is.null(r$error)) r$error else "kruskal.test returns a NaN statistic"
    members <- c(members, list(statistic = "null", df = "null", pValue = "null", error = json_str(why)))
  } else {
    members <- c(members, list(statistic = json_num(r$value$statistic), df = json_num(r$value$parameter),
                               pValue = json_num(r$value$p.value), error = "null"))
  }
  json_obj(members, "    ")
}

write_reference(json_obj(list(
  description = json_str("kruskal.test(groups): tie-corrected statistic, df = k - 1, chi-squared upper tail."),
  cases = json_arr(lapply(kruskal_cases, encode_kruskal), "  "))),
  "kruskal.json", "kruskal.R")

# ---- p.adjust and Bonferroni per-interval confidence -----------------------------------------
set.seed(99)
padjust_cases <- list(
  list(name = "increasing", p = c(0.01, 0.02, 0.03, 0.04, 0.05)),
  list(name = "ties", p = c(0.04, 0.01, 0.2, 0.01, 0.04)),
  list(name = "unsorted, twenty", p = runif(20)^3),
  list(name = "zero and one", p = c(0, 1, 0.5, 1e-10)),
  list(name = "single", p = 0.03),
  list(name = "saturating", p = c(0.3, 0.6, 0.9, 0.45)),
  list(name = "tiny", p = c(1e-300, 2e-300, 1e-12)),
  list(name = "empty", p = numeric(0))
)
encode_padjust <- function(case) {
  json_obj(list(name = json_str(case$name), p = json_nums(case$p),
                holm = json_nums(p.adjust(case$p, "holm")),
                bonferroni = json_nums(p.adjust(case$p, "bonferroni"))), "    ")
}
families <- list(c(0.95, 5), c(0.9, 3), c(0.99, 1), c(0.95, 12))
encode_family <- function(f) {
  json_obj(list(familyConfidence = json_num(f[1]), comparisons = json_num(f[2]),
                perIntervalConfidence = json_num(1 - (1 - f[1]) / f[2])), "    ")
}
write_reference(json_obj(list(
  description = json_str(paste("p.adjust(p, 'holm') and p.adjust(p, 'bonferroni');",
                               "Bonferroni per-interval confidence 1 - (1 - familyConfidence) / comparisons.")),
  cases = json_arr(lapply(padjust_cases, encode_padjust), "  "),
  bonferroniConfidence = json_arr(lapply(families, encode_family), "  "))),
  "padjust.json", "kruskal.R")
