-- One trigger of this report into the job history database. Parameters: job name, client, as-of date, trigger
-- type, subject, sentence (at most 4,000 characters), the job execution's id.
insert into revlens_trigger_history (job_name, client, as_of, trigger_type, subject, sentence, execution_id)
values (?, ?, ?, ?, ?, ?, ?);
