-- The key the metric tables were just computed with, and their results (the parameters).
insert into metrics_state (state_key, results) values (?, ?);
