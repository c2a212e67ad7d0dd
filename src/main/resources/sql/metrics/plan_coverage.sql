-- plan_coverage: one row per metric a scorecard measurable or a Rock tracks: the dates its data speaks for, from
-- the first record of its source table (a deal created, an activity, a lead) to the data's end (the as-of date, or
-- the latest transaction date when the data is stale), or why it cannot be known at all. A period outside the
-- dates is unknown, not zero (docs/metrics.md#scorecard-measurables-and-rocks). A working table of the metrics step
-- (temporary: not an output). Ordered by metric.
create or replace temp table plan_coverage as
with params as (select * from run_parameters),
firsts as (
    select 'opportunities' as source_table, min(created_date) as first_date from opportunity_progress
    union all select 'activities', min(activity_date) from activities
    union all select 'leads', least(min(created_date), min(mql_date)) from leads
),
used as (
    select metric, source_table from plan_measurables
    union select metric, source_table from plan_rocks
)
select u.metric, f.first_date,
       -- data that is not stale speaks for the days up to the as-of date (an export taken the evening before)
       case when (select data_stale from data_freshness) then least(p.as_of_date, p.data_end_date)
            else p.as_of_date end as last_date,
       case when f.first_date is null then 'no ' || u.source_table || ' export'
            when u.metric in ('win_rate', 'proposal_win_rate') and not lost_deals_exported()
                then 'no lost deals in the exports: win rate unknown'
            when u.metric = 'proposal_win_rate' and (select count(*) from stage_history_by_row) = 0
                then 'no stage history: which deals reached the proposal stage is unknown'
            when u.metric in ('bookings', 'average_deal_size') and not bookings_known()
                then 'no won deal carries an amount'
       end as unknown_reason
from used u
join firsts f using (source_table)
cross join params p
order by u.metric;
