-- plan_slices: one row per scorecard measurable or Rock whose filter names a rep, region, segment or source that no
-- record of the data has (a job file written for another client, a name spelt otherwise): its figures are unknown
-- with that reason, never a run of zeros (docs/metrics.md#scorecard-measurables-and-rocks). A working table of the
-- metrics step (temporary: not an output). Ordered by owner.
create or replace temp table plan_slices as
with owners as (
    select 'measurable' as owner_kind, measurable_id as id, filter_by, filter_value from plan_measurables where filter_by is not null
    union all
    select 'rock', rock_id, filter_by, filter_value from plan_rocks where filter_by is not null
)
select o.owner_kind, o.id, 'no ' || o.filter_by || ' "' || o.filter_value || '" in the data' as unknown_reason
from owners o
where not exists (select 1 from plan_facts f where in_plan_slice(o.filter_by, o.filter_value, f.rep_name, f.region, f.segment, f.source))
order by o.owner_kind, o.id;
