-- How many periods off track in a row make a scorecard streak alert (the job's scorecard settings).
update run_parameters set streak_alert = ?
