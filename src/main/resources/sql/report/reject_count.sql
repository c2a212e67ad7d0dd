-- How many rows were rejected (none: the report says so).
select count(*)
from rejects
