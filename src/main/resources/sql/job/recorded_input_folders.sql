-- The input folders the database was built from (recorded by the run, insert_run_input_folder.sql).
select folder
from run_input_folders;
