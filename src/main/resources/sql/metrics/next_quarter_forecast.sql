-- next_quarter_forecast: one row for the next quarter (docs/metrics.md#forecast).
-- forecast = weighted pipeline + run-rate.
--   weighted pipeline: each open deal expected to close next quarter (in_open_pipeline, close date in the quarter)
--   times the win rate, among deals closed in T12M that reached its current stage, of those that were won
--   (weighting 'stage win rates'), the stage being the one the deal stood in on the as-of date; without stage
--   history how far lost deals got is unknown, so every deal is weighted by the T12M win rate instead, and so is a
--   deal in a stage no closed deal reached or outside the funnel's pipeline (weighting says how many).
--   run-rate: bookings from deals created and won within one quarter, averaged over the last four full quarters
--   the deal data covers: business a quarter creates and closes itself, which no pipeline holds yet.
-- gap = target - forecast, target = the active reps' quarterly quotas, else 3 x the job's monthly bookings target.
-- pipeline_needed = gap / T12M win rate; per rep per week = that / active reps / 13 weeks.
-- NULL, never 0, when an input is missing (no amounts on open deals, no expected close date on any open deal, no win
-- rate, no target).
create or replace table next_quarter_forecast as
with cal as (select * from period_calendar),
params as (select * from run_parameters),
has_history as (select count(*) > 0 as yes from stage_history_by_row),
summary as (select win_rate, median_cycle_days from win_rate_summary),
closed as (
    select * from opportunity_progress, cal
    where status in ('won', 'lost') and close_date between cal.t12m_start and cal.as_of_date
),
stage_rates as (
    select s.stage,
           win_rate(count(c.opportunity_id) filter (where c.status = 'won' and c.reached_order >= s.stage_order),
                    count(c.opportunity_id) filter (where c.reached_order >= s.stage_order)) as stage_win_rate
    from funnel_stages s left join closed c on true
    where not s.is_won and not s.is_lost and funnel_order_known()
    group by s.stage
),
-- the stage each deal stood in on the as-of date: its latest stage entry by then, else its current stage (a deal
-- closed after the as-of date was still open on it, in the stage its history shows)
stage_on_as_of as (
    select h.source_file_id, h.source_row, arg_max(h.stage, h.entered_date) as stage
    from stage_history_by_row h, cal
    where h.entered_date <= cal.as_of_date
    group by h.source_file_id, h.source_row
),
open_next as (
    select o.amount, r.stage_win_rate,
           coalesce(r.stage_win_rate, (select win_rate from summary)) as weight
    from opportunity_progress o cross join cal
    left join stage_on_as_of a on a.source_file_id = o.source_file_id and a.source_row = o.source_row
    -- a deal outside the funnel's pipeline (reached_order NULL) has no stage win rate of its own pipeline
    left join stage_rates r on (select yes from has_history) and o.reached_order is not null
         and lower(r.stage) = lower(coalesce(a.stage, o.stage))
    where o.in_open_pipeline and o.close_date between cal.next_quarter_start and cal.next_quarter_end
),
pipe as (
    select count(*) as open_deals, count(amount) as open_deals_with_amount,
           count(amount) filter (where stage_win_rate is null) as deals_by_overall_rate,
           case when not open_amounts_exported() or not open_close_dates_exported() then null
                when count(amount) > 0 and count(*) filter (where amount is not null and weight is null) = 0
                then sum(amount * weight) when count(*) = 0 then 0 end as weighted_pipeline
    from open_next
),
quarters as (
    -- the four quarters that end on or before the as-of date
    select (date_trunc('quarter', cal.as_of_date + 1) - to_months(3 * k))::date as quarter_start
    from cal, range(1, 5) t(k)
),
covered as (select q.quarter_start from quarters q where deals_data_start() <= q.quarter_start),
quarter_bookings as (
    select q.quarter_start, coalesce(sum(o.amount), 0) as bookings
    from covered q
    left join opportunity_progress o
      on o.status = 'won'
     and date_trunc('quarter', o.created_date) = q.quarter_start
     and date_trunc('quarter', o.close_date) = q.quarter_start
    group by q.quarter_start
),
run_rate as (
    select case when bookings_known() and count(*) > 0 then avg(bookings) end as run_rate, count(*) as quarters
    from quarter_bookings
),
target as (
    select coalesce((select target from pipeline_coverage), 3 * params.target_bookings_month) as target,
           case when (select target from pipeline_coverage) is not null then 'quarterly quotas of active reps'
                when params.target_bookings_month is not null then '3 x the monthly bookings target' end as target_basis
    from params
),
reps as (select count(*) as active_reps from active_reps)
select cal.next_quarter_start as quarter_start, cal.next_quarter_end as quarter_end,
       p.open_deals, p.open_deals_with_amount,
       -- next quarter's open pipeline has one definition, the coverage's
       (select open_pipeline from pipeline_coverage) as open_pipeline,
       p.weighted_pipeline::decimal(18,2) as weighted_pipeline,
       case when not (select yes from has_history) then 'T12M win rate (no stage history)'
            when not funnel_order_known() then 'T12M win rate (the stages'' order is not known)'
            when p.deals_by_overall_rate > 0 then 'stage win rates; ' || p.deals_by_overall_rate
                 || ' deal(s) in a stage no closed deal reached or in a pipeline other than the funnel''s, by the T12M win rate'
            else 'stage win rates' end as weighting,
       r.run_rate::decimal(18,2) as run_rate, r.quarters as run_rate_quarters,
       (p.weighted_pipeline + r.run_rate)::decimal(18,2) as forecast,
       t.target::decimal(18,2) as target, t.target_basis,
       (t.target - (p.weighted_pipeline + r.run_rate))::decimal(18,2) as gap,
       s.win_rate,
       -- greatest() skips a NULL argument: the gap is tested first, so an unknown gap is not "nothing needed"
       case when t.target - (p.weighted_pipeline + r.run_rate) is not null
            then greatest(t.target - (p.weighted_pipeline + r.run_rate), 0) / nullif(s.win_rate, 0) end::decimal(18,2)
           as pipeline_needed,
       reps.active_reps,
       case when t.target - (p.weighted_pipeline + r.run_rate) is not null
            then greatest(t.target - (p.weighted_pipeline + r.run_rate), 0) / nullif(s.win_rate, 0)
                 / nullif(reps.active_reps, 0) / 13 end::decimal(18,2) as pipeline_needed_per_rep_week,
       s.median_cycle_days
from cal, pipe p, run_rate r, target t, summary s, reps;
