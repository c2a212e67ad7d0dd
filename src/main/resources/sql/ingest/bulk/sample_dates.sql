-- The first 2,000 values of the candidate date columns ({{sampled}}), each as text, to find the ones DuckDB may
-- parse itself. Lenient (a ragged row is the staging read's concern) and with a small buffer: the sample is the
-- file's first rows, not its first 32 MB. Parameters: the file, its delimiter.
select {{sampled}}
from read_csv(?, header = false, skip = 1, auto_detect = false, delim = ?, quote = '"', escape = '"',
              parallel = false, ignore_errors = true, buffer_size = 4194304, columns = { {{columns}} })
limit 2000;
