-- A person's name inside free text that reaches outputs: deal names, lost reasons, rejected raw values.
-- Every statement takes (real name, pseudonym, real name).
update opportunities set opportunity_name = replace(opportunity_name, ?, ?) where contains(opportunity_name, ?);
update opportunities set lost_reason = replace(lost_reason, ?, ?) where contains(lost_reason, ?);
update rejects set raw_value = replace(raw_value, ?, ?) where contains(raw_value, ?);
-- A rejected roster row's name in another spelling ("ann lee " for "Ann Lee").
update rejects set raw_value = replace(lower(trim(raw_value)), lower(?), ?) where lower(trim(raw_value)) = lower(?);
