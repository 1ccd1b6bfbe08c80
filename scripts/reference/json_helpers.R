# Shared helpers for the reference-value generators (sourced by wilcox.R and
# welch.R). JSON is written by hand so no packages are needed.
#
# Numbers: sprintf("%.17g") so every double round-trips exactly.
# Non-finite values: "Inf" / "-Inf" / "NaN" as JSON strings (matches Swift's
# JSONDecoder.nonConformingFloatDecodingStrategy
#   .convertFromString(positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")).
# NA / NULL: null.

Sys.setenv(LANGUAGE = "en")          # R messages (ciError, warnings) in English
invisible(Sys.setlocale("LC_MESSAGES", "C"))
RNGkind(kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")

json_num1 <- function(v) {
  if (is.null(v) || length(v) == 0L) return("null")
  stopifnot(length(v) == 1L)
  v <- as.double(v)
  if (is.nan(v)) return("\"NaN\"")
  if (is.na(v)) return("null")
  if (v == Inf) return("\"Inf\"")
  if (v == -Inf) return("\"-Inf\"")
  sprintf("%.17g", v)
}

json_arr <- function(v) {
  paste0("[", paste(vapply(as.double(v), json_num1, ""), collapse = ", "), "]")
}

json_str <- function(s) {
  if (is.null(s) || (length(s) == 1L && is.na(s))) return("null")
  stopifnot(length(s) == 1L)
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  s <- gsub("\n", "\\n", s, fixed = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE)
  paste0("\"", s, "\"")
}

json_str_arr <- function(v) {
  if (length(v) == 0L) return("[]")
  paste0("[", paste(vapply(v, json_str, ""), collapse = ", "), "]")
}

json_bool <- function(b) {
  if (is.null(b)) return("null")
  if (isTRUE(b)) "true" else "false"
}

# Build a JSON object from a named list of already-encoded values, one member
# per line with the given indentation.
json_obj <- function(members, indent = "    ") {
  keys <- vapply(names(members), json_str, "")
  body <- paste0(indent, "  ", keys, ": ", unlist(members),
                 collapse = ",\n")
  paste0("{\n", body, "\n", indent, "}")
}

write_json_file <- function(path, generator, case_strings, extra = list()) {
  header <- c(
    "{",
    paste0("  \"generator\": ", json_str(generator), ","),
    paste0("  \"r\": ", json_str(R.version.string), ","),
    if (length(extra)) paste0("  ", vapply(names(extra), json_str, ""), ": ", unlist(extra), ","),
    "  \"cases\": ["
  )
  body <- paste0("    ", case_strings, collapse = ",\n")
  out <- c(header, body, "  ]", "}")
  con <- file(path, open = "wb")     # "wb": LF line endings on every platform
  writeLines(out, con, sep = "\n")
  close(con)
}

# Locate the repository root from the script's own path (works with
# `Rscript scripts/reference/x.R` from anywhere).
repo_root <- function() {
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) != 1L) stop("run this script with Rscript")
  normalizePath(file.path(dirname(f), "..", ".."))
}
