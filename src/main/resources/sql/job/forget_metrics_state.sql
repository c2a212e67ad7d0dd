-- The metric tables are about to change: no key vouches for them until they are computed again.
delete from metrics_state;
