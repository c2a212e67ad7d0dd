-- Whether the loaded rows carry pseudonyms instead of names (an earlier pseudonymised run): their loads are not kept.
select count(*)
from duckdb_tables()
where table_name = 'person_pseudonyms' and not temporary;
