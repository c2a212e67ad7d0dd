-- The key the metric tables were last computed with, and their results (metrics_state).
select state_key, results
from metrics_state;
