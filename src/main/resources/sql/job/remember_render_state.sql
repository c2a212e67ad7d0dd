-- The key the reports and metric CSVs were just rendered with, and the CSVs' hashes (the parameters).
insert into render_state (state_key, csv_hashes) values (?, ?);
