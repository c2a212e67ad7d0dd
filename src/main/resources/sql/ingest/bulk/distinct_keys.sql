-- The distinct values of a lookup's keys ({{keys}}: k0, k1, ...) over the staged rows and the lookups they read.
select distinct {{keys}}
from bulk_raw{{joins}};
