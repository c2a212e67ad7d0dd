-- The sequences in the job history's schema (the parameter): Spring Batch's schema script creates three.
select sequence_name
from information_schema.sequences
where sequence_schema = ?
