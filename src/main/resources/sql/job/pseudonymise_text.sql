-- A person's name inside free text that reaches outputs: deal names, lost reasons, rejected raw values.
-- Every statement takes (real name, pseudonym, real name).
update opportunities set opportunity_name = replace(opportunity_name, ?, ?) where contains(opportunity_name, ?);
update opportunities set lost_reason = replace(lost_reason, ?, ?) where contains(lost_reason, ?);
update rejects set raw_value = replace(raw_value, ?, ?) where contains(raw_value, ?);
-- A rejected roster row's name in another spelling ("ann lee " for "Ann Lee").
update rejects set raw_value = replace(lower(trim(raw_value)), lower(?), ?) where lower(trim(raw_value)) = lower(?);
-- The job file's scorecard and Rocks name people as owners, in a rep filter and in their labels.
update plan_measurables set name = replace(name, ?, ?) where contains(name, ?);
update plan_measurables set owner = replace(owner, ?, ?) where contains(owner, ?);
update plan_measurables set filter_value = replace(filter_value, ?, ?) where contains(filter_value, ?);
update plan_rocks set name = replace(name, ?, ?) where contains(name, ?);
update plan_rocks set owner = replace(owner, ?, ?) where contains(owner, ?);
update plan_rocks set filter_value = replace(filter_value, ?, ?) where contains(filter_value, ?);
