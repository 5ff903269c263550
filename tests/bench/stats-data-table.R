# The fastest R peer of issue 14: data.table's fread (one thread) and boxplot.stats per group of Name and
# Memory, of the cold starts' Init Duration. Rscript stats-data-table.R FILE.csv
suppressPackageStartupMessages(library(data.table))
setDTthreads(1)
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1], sep = ";")
stats <- d[!is.na(Init) & Init > 0, {
  b <- boxplot.stats(Init)
  list(n = b$n, low = b$stats[1], q1 = b$stats[2], median = b$stats[3], q3 = b$stats[4], high = b$stats[5],
       outliers = length(b$out))
}, keyby = .(Name, Memory)]
fwrite(stats, sep = " ", col.names = FALSE)
