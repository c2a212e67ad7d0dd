-- Facts of the whole staged file, in one scan ({{facts}}: whether every row has a first cell, which typed date
-- columns lie wholly in the range SQL loads, and the counts that decide the file's date order and decimal mark).
select {{facts}}
from bulk_raw;
