-- A report run again for the same as-of date replaces its record. Parameters: the job name, the client, the as-of date.
delete from revlens_trigger_history
where job_name = ? and client = ? and as_of = ?;
