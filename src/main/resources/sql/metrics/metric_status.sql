-- metric_status: one row per metric table: computed, partial or not_computed, and why
-- (docs/metrics.md#what-could-not-be-computed). Row counts are filled in by the runner.
create or replace table metric_status as
with facts as (
    select (select count(*) from revenue_lines) as revenue_lines,
           (select count(*) from revenue_lines r, run_parameters p where r.currency is not null and r.currency <> p.currency) as other_currency_lines,
           (select count(*) from opportunities) as opportunities,
           (select count(*) || ' opportunities in other currencies (' || string_agg(distinct o.currency, ', ' order by o.currency)
                   || ') left out'
            from opportunities o, run_parameters p
            where o.currency is not null and o.currency <> p.currency having count(*) > 0) as other_currency_deals_note,
           (select count(*) from opportunities where status in ('won', 'lost')) as closed_opportunities,
           -- where deals are in several pipelines, the funnel is one pipeline's (funnel_stages.sql): the others' deals
           -- (opportunity_progress: the deals in the run's currency) are not in it, and the note says so
           (select 'pipeline "' || f.funnel_pipeline || '" (' || sum(n) filter (where d.pipeline = f.funnel_pipeline)
                   || ' deals); ' || sum(n) filter (where d.pipeline is distinct from f.funnel_pipeline)
                   || ' deals in other pipelines are not in it ('
                   || string_agg(coalesce(d.pipeline, '(none)') || ': ' || n, ', ' order by n desc, d.pipeline)
                        filter (where d.pipeline is distinct from f.funnel_pipeline) || ')'
            from (select pipeline, count(*) as n from opportunity_progress group by pipeline) d,
                 (select min(pipeline) as funnel_pipeline from funnel_stages) f
            where f.funnel_pipeline is not null
            group by f.funnel_pipeline) as pipeline_note,
           -- the funnel's stages placed by different rules or by none (funnel_stages.sql), with what placed each
           (select 'the stages'' order is not known (' || string_agg(s.stage || ': ' || case s.order_rule
                           when 'unknown' then case when p.order_basis = 'stage words' then 'by words another stage shares'
                                                    else 'by nothing' end
                           when 'configured' then p.order_basis else 'by ' || s.order_rule end,
                       ', ' order by s.stage_order)
                   || '); declare them in order in profiles/' || d.profile || '.yml inside the input folder: extends: '
                   || d.profile || ', then stages: order: [the stages, first to last] (docs/data-model.md)'
            from funnel_stages s join pipeline_stages p on p.stage = s.stage,
                 (select coalesce(min(profile), 'the-deals-profile') as profile from source_files
                  where kind = 'opportunities' and status = 'loaded') d
            where not s.order_known and not s.is_won and not s.is_lost
            group by d.profile) as stage_order_note,
           (select count(*) from opportunities where status = 'lost') as lost_opportunities,
           (select count(created_date) from opportunities) as created_dates,
           'no lost deals in the exports (an export of won deals only?): win rates not computed' as no_lost_note,
           'no deal has a created date' as no_created_note,
           (select count(*) from stage_history_by_row) as stage_history,
           (select count(last_stage_change_date) from opportunities) as stage_change_dates,
           (select count(*) from leads) as leads,
           (select count(*) from activities) as activities,
           (select count(*) from reps) as reps,
           (select count(*) from reps where hire_date is not null) as hire_dates,
           (select count(*) from reps where quarterly_quota > 0) as quotas,
           (select count(*) from plan_measurables) as measurables,
           (select count(*) from plan_rocks) as rocks,
           (select data_stale from data_freshness) as stale,
           coalesce((select bool_and(prior_window_complete) from customer_trends), true) as prior_complete,
           'revenue data starts ' || (select min(event_date) from revenue_events) || ', after the prior 12-month window starts ('
             || (select prior_t12m_start from period_calendar) || '): what customers bought before is unknown' as prior_note,
           (select 'data ends ' || data_end_date || ', ' || days_before_as_of || ' days before the as-of date'
            from data_freshness) as stale_note
),
status as (
    select 'revenue_monthly' as metric,
           case when revenue_lines > 0 then 'computed' when closed_opportunities > 0 then 'partial' else 'not_computed' end as status,
           case when revenue_lines > 0 then null when closed_opportunities > 0 then 'no finance export: revenue = won opportunity amounts by close date'
                else 'no revenue lines and no won opportunities' end as note
    from facts
    union all select 'customer_concentration', case when revenue_lines > 0 then 'computed' when closed_opportunities > 0 then 'partial' else 'not_computed' end,
           case when revenue_lines > 0 then (case when other_currency_lines > 0 then other_currency_lines || ' revenue lines in other currencies left out' end)
                when closed_opportunities > 0 then 'no finance export: concentration from won opportunity amounts' else 'no revenue data' end from facts
    union all select 'concentration_summary', case when revenue_lines > 0 then 'computed' when closed_opportunities > 0 then 'partial' else 'not_computed' end,
           case when revenue_lines = 0 and closed_opportunities > 0 then 'from won opportunity amounts' end from facts
    union all select 'customer_trends', case when revenue_lines + closed_opportunities = 0 then 'not_computed' when not prior_complete then 'partial' else 'computed' end,
           case when revenue_lines + closed_opportunities > 0 and not prior_complete
                then prior_note || ', so prior-year revenue, year-over-year changes, declines and new customers are not computed' end from facts
    union all select 'revenue_retention', case when revenue_lines + closed_opportunities = 0 then 'not_computed' when not prior_complete then 'partial' else 'computed' end,
           case when revenue_lines + closed_opportunities > 0 and not prior_complete
                then prior_note || ', so the prior-year cohort, retention (GRR, NRR) and new customers are not computed' end from facts
    union all select 'bookings_monthly', case when closed_opportunities > 0 then 'computed' else 'not_computed' end,
           case when opportunities = 0 then 'no opportunities export' end from facts
    union all select 'win_rate_quarterly', case when closed_opportunities = 0 then 'not_computed' when lost_opportunities = 0 then 'partial' else 'computed' end,
           case when opportunities = 0 then 'no opportunities export'
                when closed_opportunities = 0 then 'no won or lost opportunities: win rate not computed'
                when lost_opportunities = 0 then no_lost_note end from facts
    union all select 'win_rate_by_dimension', case when closed_opportunities = 0 then 'not_computed' when lost_opportunities = 0 then 'partial' else 'computed' end,
           case when lost_opportunities = 0 and closed_opportunities > 0 then no_lost_note end from facts
    union all select 'win_rate_summary', case when closed_opportunities = 0 then 'not_computed' when lost_opportunities = 0 or stage_history = 0 or stage_order_note is not null then 'partial' else 'computed' end,
           case when opportunities = 0 then 'no opportunities export'
                when closed_opportunities = 0 then 'no won or lost opportunities: win rate not computed'
                when lost_opportunities = 0 then no_lost_note
                when stage_history = 0 then 'no stage history: proposal-stage win rate not computed (how far lost deals got is unknown)'
                when stage_order_note is not null then 'proposal-stage win rate not computed: ' || stage_order_note end from facts
    union all select 'opportunity_cohorts', case when opportunities = 0 or created_dates = 0 then 'not_computed' when lost_opportunities = 0 then 'partial' else 'computed' end,
           case when opportunities = 0 then 'no opportunities export'
                when created_dates = 0 then no_created_note || ': cohorts by creation quarter not computed'
                when lost_opportunities = 0 then no_lost_note end from facts
    union all select 'stage_funnel', case when opportunities = 0 or created_dates = 0 or stage_order_note is not null then 'not_computed'
                when stage_history > 0 and lost_opportunities > 0 then 'computed' else 'partial' end,
           case when opportunities = 0 then 'no opportunities export'
                when created_dates = 0 then no_created_note || ': the funnel of deals created in the last 12 months not computed'
                when stage_order_note is not null then 'funnel not computed: ' || stage_order_note
                when lost_opportunities = 0 then 'no lost deals in the exports: stage conversion not computed'
                when stage_history = 0 then 'no stage history: deals reaching each stage from their current stage; conversion not computed (how far lost deals got is unknown)' end from facts
    union all select 'funnel_by_dimension', case when opportunities = 0 or created_dates = 0 or stage_order_note is not null then 'not_computed'
                when stage_history > 0 and lost_opportunities > 0 then 'computed' else 'partial' end,
           case when opportunities > 0 and created_dates = 0 then no_created_note || ': funnel not computed'
                when stage_order_note is not null then 'funnel not computed: ' || stage_order_note
                when opportunities > 0 and lost_opportunities = 0 then 'no lost deals in the exports: stage conversion not computed'
                when stage_history = 0 and opportunities > 0 then 'no stage history: derived from current stage; conversion not computed' end from facts
    union all select 'lead_funnel', case when leads = 0 then 'not_computed' when lost_opportunities = 0 and closed_opportunities > 0 then 'partial' else 'computed' end,
           case when leads = 0 then 'no leads export: lead funnel not computed'
                when lost_opportunities = 0 and closed_opportunities > 0
                then 'no lost deals in the exports: conversion from opportunity to won not computed, and leads whose deals were lost are not counted as SQLs or opportunities' end from facts
    union all select 'rep_ramp', case when hire_dates > 0 then 'computed' else 'not_computed' end,
           case when hire_dates = 0 then 'no hire dates: ramp not computed (add a reps roster with hire dates)' end from facts
    union all select 'rep_ramp_curve', case when hire_dates > 0 then 'computed' else 'not_computed' end,
           case when hire_dates = 0 then 'no hire dates: ramp curves not computed' end from facts
    union all select 'rep_weekly_activity', case when opportunities > 0 and created_dates > 0 then (case when activities > 0 then 'computed' else 'partial' end) else 'not_computed' end,
           case when opportunities > 0 and created_dates = 0 then no_created_note || ': new opportunities per week not computed'
                when activities = 0 then 'no activity export (calls, meetings, e-mails): activities per week not computed' end from facts
    union all select 'rep_inactivity', case when opportunities = 0 or created_dates = 0 then 'not_computed' when stale then 'partial' else 'computed' end,
           case when opportunities > 0 and created_dates = 0 then no_created_note || ': inactivity not judged'
                when opportunities > 0 and stale then stale_note || ': inactivity not judged' end from facts
    union all select 'rep_scorecard', case when opportunities > 0 then 'computed' else 'not_computed' end,
           case when reps = 0 and opportunities > 0 then 'no reps roster: reps are the opportunity owners of the last 12 months' end from facts
    union all select 'stalled_deals', case when opportunities > 0 then (case when stage_history > 0 or stage_change_dates > 0 then 'computed' else 'partial' end) else 'not_computed' end,
           case when opportunities > 0 and stage_history = 0 and stage_change_dates = 0 then 'no stage history: days since the deal was created stand in for days since the last stage change' end from facts
    union all select 'pipeline_coverage', case when quotas > 0 then 'computed' else 'not_computed' end,
           case when quotas = 0 then 'no quotas or targets: pipeline coverage not computed' end from facts
    union all select 'data_freshness', 'computed',
           case when stale then stale_note || ': inactivity and this month''s bookings not judged' end from facts
    union all select 'scorecard_grid', case when measurables > 0 then 'computed' else 'not_computed' end,
           case when measurables = 0 then 'no scorecard in the job file (scorecard: measurables: ...)' end from facts
    union all select 'scorecard_summary', case when measurables > 0 then 'computed' else 'not_computed' end,
           case when measurables = 0 then 'no scorecard in the job file (scorecard: measurables: ...)' end from facts
    union all select 'rock_progress', case when rocks > 0 then 'computed' else 'not_computed' end,
           case when rocks = 0 then 'no Rocks in the job file (rocks: ...)' end from facts
    union all select 'rep_quota_attainment', case when opportunities = 0 then 'not_computed' when quotas > 0 then 'computed' else 'partial' end,
           case when opportunities > 0 and quotas = 0 then 'no quarterly quotas in a reps roster: attainment not computed' end from facts
    union all select 'rep_ramp_activity', case when activities > 0 and hire_dates > 0 then 'computed' else 'not_computed' end,
           case when activities = 0 then 'no activity export: activity in the first 90 days not computed'
                when hire_dates = 0 then 'no hire dates: activity in the first 90 days not computed' end from facts
    union all select 'kpi_scorecard', 'computed', null from facts
    union all select 'action_triggers', 'computed', null from facts
)
-- A metric not computed always says why: where a row above has no reason of its own, the missing input. The deal
-- tables computed from the run's currency say how many deals in other currencies they leave out.
select metric, status, null::bigint as row_count,
       nullif(concat_ws('; ', coalesce(note, case when status = 'not_computed' then
           case when metric in ('concentration_summary', 'customer_trends', 'revenue_retention')
                then 'no revenue lines and no won opportunities'
                else 'no opportunities export' end end),
           case when status <> 'not_computed' and metric in ('stage_funnel', 'funnel_by_dimension')
                then 'funnel of ' || (select pipeline_note from facts)
                when status <> 'not_computed' and metric = 'win_rate_summary' and (select stage_history from facts) > 0
                then 'proposal-stage win rate of ' || (select pipeline_note from facts) end,
           case when status <> 'not_computed' and (metric in ('bookings_monthly', 'win_rate_summary', 'win_rate_quarterly',
                     'win_rate_by_dimension', 'stage_funnel', 'rep_scorecard', 'pipeline_coverage', 'next_quarter_forecast')
                     -- revenue from won deals when no finance export was loaded
                     or (metric in ('revenue_monthly', 'customer_concentration', 'concentration_summary', 'customer_trends',
                                    'revenue_retention') and (select revenue_lines from facts) = 0))
                then (select other_currency_deals_note from facts) end), '') as note
from status
-- a stated order: the same inputs give the same CSV, byte for byte
order by metric;
