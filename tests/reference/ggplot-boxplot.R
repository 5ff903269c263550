#!/usr/bin/env Rscript
# Reference numbers for the statistics tests: what ggplot2's geom_boxplot draws (and R's type-7 quantiles,
# mean, sd) for the Init column of each seed-run file, per function.
#   Rscript tests/reference/ggplot-boxplot.R ../shared/fixtures/seed-runs > tests/reference/ggplot-boxplot.json
# Numbers are written with 17 significant digits (%.17g), so the JSON holds R's doubles exactly.
suppressPackageStartupMessages(library(ggplot2))

num <- function(x) if (length(x) == 0) "[]" else paste(sprintf("%.17g", x), collapse = ", ")
str <- function(x) paste0('"', x, '"')

args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[[1]] else "../shared/fixtures/seed-runs"
files <- c("speed-x86-128.csv", "speed-x86-1024.csv", "speed-arm-1024.csv")

out <- list()
for (file in files) {
  d <- read.csv(file.path(dir, file), sep = ";")
  d <- d[!is.na(d$Init) & d$Init != 0, ]
  built <- layer_data(ggplot(d, aes(x = Name, y = Init)) + geom_boxplot())
  names_in_order <- levels(factor(d$Name))
  for (i in seq_len(nrow(built))) {
    name <- names_in_order[built$x[i]]
    y <- d$Init[d$Name == name]
    q <- quantile(y, c(0.9, 0.95, 0.99), type = 7, names = FALSE)
    fields <- c(
      file = str(file), name = str(name), n = length(y), min = num(min(y)),
      q1 = num(built$lower[i]), median = num(built$middle[i]), q3 = num(built$upper[i]),
      p90 = num(q[1]), p95 = num(q[2]), p99 = num(q[3]), max = num(max(y)),
      mean = num(mean(y)), sd = num(sd(y)),
      whiskerLow = num(built$ymin[i]), whiskerHigh = num(built$ymax[i]),
      outliers = paste0("[", if (length(built$outliers[[i]]) == 0) "" else num(sort(built$outliers[[i]])), "]")
    )
    out[[length(out) + 1]] <- paste0("  {", paste0('"', names(fields), '": ', fields, collapse = ", "), "}")
  }
}
cat("[\n", paste(unlist(out), collapse = ",\n"), "\n]\n", sep = "")
