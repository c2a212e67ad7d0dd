-- Pseudonyms for person names (reps, managers, opportunity owners): "Rep 01", "Rep 02", ... numbered by first
-- appearance (the roster in file/row order, then opportunity owners). The mapping is kept in the run's DuckDB
-- file so a person keeps their pseudonym across runs; it is never written to an output.
create table if not exists person_pseudonyms (
    real_name  varchar primary key,
    pseudonym  varchar not null
);

insert into person_pseudonyms
with people as (
    select rep_name as name, 0 as source_order, source_file_id, source_row from reps
    union all
    select manager, 0, source_file_id, source_row from reps where manager is not null
    union all
    select rep_name, 1, source_file_id, source_row from opportunities where rep_name is not null
),
firsts as (
    select name, min(lpad(source_order::varchar, 1, '0') || lpad(source_file_id::varchar, 10, '0')
                     || lpad(source_row::varchar, 12, '0')) as first_seen
    from people
    where name not in (select real_name from person_pseudonyms)
      and name not in (select pseudonym from person_pseudonyms)
    group by name
),
numbered as (
    select name, row_number() over (order by first_seen, name) + (select count(*) from person_pseudonyms) as n
    from firsts
)
select name, 'Rep ' || lpad(n::varchar, 2, '0') from numbered;

update reps set rep_name = p.pseudonym from person_pseudonyms p where reps.rep_name = p.real_name;
update reps set manager = p.pseudonym from person_pseudonyms p where reps.manager = p.real_name;
-- A roster's rep id is often the person's e-mail address.
update reps set rep_id = rep_name;
update opportunities set rep_name = p.pseudonym from person_pseudonyms p where opportunities.rep_name = p.real_name;
