-- The key the loaded data was last profiled with (profile_state).
select state_key
from profile_state;
