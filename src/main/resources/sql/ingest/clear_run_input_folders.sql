-- Forgets the input folders recorded by the last run before this run's are recorded (insert_run_input_folder.sql).
delete from run_input_folders;
