-- The key of the loaded data as the profile step just left it (the parameter).
insert into profile_state (state_key) values (?);
