-- The triggers each report raised, kept in the job history database (H2 or PostgreSQL: plain SQL both accept)
-- so that the next report of the same job for the same client can say which are new, which persist and which
-- were resolved (TriggerMemory). One row per report (job, client = output folder, as-of date) per trigger.
create table if not exists revlens_trigger_history (
    job_name      varchar(200)  not null,
    client        varchar(1000) not null,
    as_of         date          not null,
    trigger_type  varchar(200)  not null,
    subject       varchar(1000) not null,
    sentence      varchar(4000),
    execution_id  bigint,
    primary key (job_name, client, as_of, trigger_type, subject)
);
