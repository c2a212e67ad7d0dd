-- The top issues of the headline, in the order page 1 shows them (persistent ones first); the parameter is how
-- many.
select sentence, persistence_note
from trigger_persistence
where state <> 'resolved'
order by report_order
limit ?
