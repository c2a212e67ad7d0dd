-- plan_facts: one row per event a scorecard measurable or a Rock counts (docs/metrics.md#scorecard-measurables-and-rocks):
-- the metric (a PlanMetric key), its date, the slices it belongs to (rep, region, segment, source) and its numerator
-- and denominator. A count or a sum adds the numerators of a period; a rate or an average divides them by the
-- denominators. Each metric is the term defined elsewhere, read from the same table:
--   deals, bookings, win rate, cycle and deal size from opportunity_progress (the as-of status, the run's currency),
--   won / (won + lost) by close date, cycle = close - created of won deals, the proposal-stage win rate over closed
--   deals that reached the proposal stage (only with stage history);
--   activities done (activity_is_done) by activity_kind; MQLs and SQLs by their dates in leads, MQL-to-SQL over the MQLs of the period.
-- Region: the account's, else the rep's (reps roster). A working table of the metrics step (temporary: not an
-- output; scorecard_grid and rock_progress are).
create or replace temp table plan_facts as
with params as (select * from run_parameters),
rep_regions as (
    select lower(trim(rep_name)) as rep_key, min(region) as region from reps where region is not null group by all
),
account_regions as (
    select lower(trim(account_name)) as account_key, min(region) as region from accounts where region is not null group by all
),
opps as (
    select p.status, p.amount::double as amount, p.created_date, p.close_date, p.rep_name, p.source, p.segment,
           coalesce(a.region, r.region) as region, p.reached_order
    from opportunity_progress p
    left join account_regions a on a.account_key = lower(trim(p.account_name))
    left join rep_regions r on r.rep_key = lower(trim(p.rep_name))
),
closed as (
    select * from opps, params where status in ('won', 'lost') and close_date <= params.as_of_date
),
proposal as (
    select stage_order from proposal_stage where (select count(*) from stage_history_by_row) > 0
),
acts as (
    -- activities done (the rep_weekly_activity definition): a no-show or a cancelled meeting is not activity
    select a.activity_date, a.rep_name, activity_kind(a.activity_type) as kind, r.region
    from activities a
    left join rep_regions r on r.rep_key = lower(trim(a.rep_name))
    where activity_is_done(a.status)
)
select metric, event_date, rep_name, region, segment, source, num, den from (
    select 'new_opportunities' as metric, created_date as event_date, rep_name, region, segment, source, 1.0 as num, 1.0 as den
    from opps, params where created_date <= params.as_of_date
    union all
    select 'deals_won', close_date, rep_name, region, segment, source, 1.0, 1.0 from closed where status = 'won'
    union all
    select 'bookings', close_date, rep_name, region, segment, source, amount, 1.0
    from closed where status = 'won' and amount is not null
    union all
    select 'win_rate', close_date, rep_name, region, segment, source, (status = 'won')::int::double, 1.0 from closed
    union all
    select 'proposal_win_rate', close_date, rep_name, region, segment, source, (status = 'won')::int::double, 1.0
    from closed, proposal where reached_order >= proposal.stage_order
    union all
    select 'average_cycle_days', close_date, rep_name, region, segment, source, date_diff('day', created_date, close_date)::double, 1.0
    from closed where status = 'won' and created_date is not null and close_date >= created_date
    union all
    select 'average_deal_size', close_date, rep_name, region, segment, source, amount, 1.0
    from closed where status = 'won' and amount is not null
    union all
    select 'activities', activity_date, rep_name, region, null, null, 1.0, 1.0 from acts, params where activity_date <= params.as_of_date
    union all
    select kind || 's', activity_date, rep_name, region, null, null, 1.0, 1.0
    from acts, params where kind in ('call', 'meeting', 'email') and activity_date <= params.as_of_date
    union all
    select 'mqls', mql_date, null, null, null, source, 1.0, 1.0 from leads, params where mql_date <= params.as_of_date
    union all
    select 'sqls', sql_date, null, null, null, source, 1.0, 1.0 from leads, params where sql_date <= params.as_of_date
    union all
    select 'mql_to_sql_rate', mql_date, null, null, null, source,
           (sql_date is not null and sql_date <= params.as_of_date)::int::double, 1.0
    from leads, params where mql_date <= params.as_of_date
)
-- only the metrics the job's measurables and Rocks track (none: an empty table, nothing scanned for it)
where metric in (select metric from plan_measurables union select metric from plan_rocks);
