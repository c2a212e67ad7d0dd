-- The loaded data is about to be profiled again: no key vouches for it until the profile is complete.
delete from profile_state;
