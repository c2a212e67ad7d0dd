-- One earlier trigger into the run's database. Parameters: as-of date, trigger type, subject, sentence.
insert into trigger_reports
values (?, ?, ?, ?);
