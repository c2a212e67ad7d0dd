-- The key the reports and metric CSVs were last rendered with, and the CSVs' hashes (render_state).
select state_key, csv_hashes
from render_state;
