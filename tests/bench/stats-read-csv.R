# The R baseline of issue 14: base R's read.csv (what read.csv2 is, with "." decimals) and boxplot.stats per
# group of Name and Memory, of the cold starts' Init Duration. Rscript stats-read-csv.R FILE.csv
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], sep = ";")
cold <- d[!is.na(d$Init) & d$Init > 0, ]
groups <- split(cold$Init, list(cold$Name, cold$Memory), drop = TRUE)
stats <- lapply(groups, boxplot.stats)
for (key in sort(names(stats))) {
  b <- stats[[key]]
  cat(key, b$n, b$stats, length(b$out), "\n")
}
