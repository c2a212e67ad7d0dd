-- Records a file's shape for the next run's check. Parameters: the profile, the file name, the mapped columns
-- (JSON: canonical column to header), the header (JSON list).
insert into column_signatures (profile, file_name, mapped_columns, header, recorded_at)
values (?, ?, ?, ?, current_timestamp);
