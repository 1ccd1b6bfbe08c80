# The peer of `qe-validate-bench hodges-lehmann N`: R's wilcox.test(conf.int = TRUE) on log
# times of the same size and distribution, timed in process. Usage: Rscript r_hodges_lehmann.R N [REPEATS]
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
repeats <- if (length(args) > 1) as.integer(args[2]) else 3L
set.seed(1)
b <- rlnorm(n, log(13.4e6), 0.1)
c <- rlnorm(n, log(3.8e6), 0.1)
seconds <- numeric(repeats)
for (i in seq_len(repeats)) {
  start <- proc.time()[["elapsed"]]
  w <- wilcox.test(log(b), log(c), conf.int = TRUE)
  seconds[i] <- proc.time()[["elapsed"]] - start
}
cat(sprintf("r-wilcox-test n=%d m=%d speedup=%.6f median_seconds=%.6f min_seconds=%.6f\n",
            n, n, exp(w$estimate), median(seconds), min(seconds)))
