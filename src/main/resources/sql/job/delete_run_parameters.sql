-- Empties run_parameters before this run's single row is written (write_run_parameters.sql).
delete from run_parameters
