-- Fails unless the history table is there; reads no row (H2 and PostgreSQL).
select 1
from revlens_trigger_history
where 1 = 0;
