-- The earlier reports' triggers, copied into the run's DuckDB database for trigger_persistence.sql.
create or replace temp table trigger_reports (as_of date, trigger_type varchar, subject varchar, sentence varchar);
