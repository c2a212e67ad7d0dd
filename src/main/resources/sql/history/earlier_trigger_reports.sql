-- The triggers of the same job's earlier reports for the same client, from the job history database.
-- Parameters: the job name, the client (the output folder), this report's as-of date.
select as_of, trigger_type, subject, sentence
from revlens_trigger_history
where job_name = ? and client = ? and as_of < ?;
