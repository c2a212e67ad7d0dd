-- This report's triggers, once each (the history's key: type and subject), from the run's database.
select trigger_type, subject, min(sentence)
from action_triggers
group by all;
