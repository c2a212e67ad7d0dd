-- One input folder the database now holds the data of, read by the next run (the parameter: the absolute folder).
insert into run_input_folders (folder)
values (?);
