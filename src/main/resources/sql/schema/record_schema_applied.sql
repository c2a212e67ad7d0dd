-- Records the schema version just applied (the parameter: the hash of the schema scripts).
delete from schema_applied;
insert into schema_applied values (?);
