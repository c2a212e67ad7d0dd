-- action_triggers: one row per thing that needs attention, ranked by revenue at risk, biggest first
-- (docs/metrics.md#action-triggers). Each names the rows behind it (file and row numbers).
create or replace table action_triggers as
with params as (select * from run_parameters),
cal as (select * from period_calendar),
customer_rows as (
    select e.customer_name,
           string_agg(distinct coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$')), ', ' order by coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$'))) || ' rows ' ||
           string_agg(e.source_row::varchar, ', ' order by e.source_row) filter (where e.rn <= 8) ||
           case when max(e.rn) > 8 then ' and ' || (max(e.rn) - 8) || ' more' else '' end as evidence
    from (select *, row_number() over (partition by customer_name order by source_row) as rn
          from revenue_events, cal where event_date between cal.prior_t12m_start and cal.as_of_date
            -- only the customers a trigger names (numbering every customer's rows cost most of this file)
            and customer_name in (select customer_name from customer_concentration where is_over_threshold
                                  union select customer_name from customer_trends where is_declining)) e
    join source_files f using (source_file_id)
    group by e.customer_name
),
rep_rows as (
    select o.rep_name,
           string_agg(distinct coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$')), ', ' order by coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$'))) || ' rows ' ||
           string_agg(o.source_row::varchar, ', ' order by o.source_row desc) filter (where o.rn <= 8) as evidence
    from (select *, row_number() over (partition by rep_name order by created_date desc, source_row desc) as rn from opportunities) o
    join source_files f using (source_file_id)
    group by o.rep_name
),
concentration as (
    select 'customer over concentration threshold' as trigger_type, c.customer_name as subject,
           c.customer_name || ' is ' || pct_text(c.revenue_share) || ' of trailing-12-month revenue (over the '
             || pct_text(params.concentration_threshold) || ' threshold): ' || money_text(c.revenue_t12m, params.currency)
             || ' depends on one customer.' as sentence,
           c.revenue_t12m as revenue_at_risk, r.evidence
    from customer_concentration c join params on c.is_over_threshold
    left join customer_rows r using (customer_name)
),
declining as (
    select 'major customer down' as trigger_type, t.customer_name as subject,
           t.customer_name || case when t.rank_prior_t12m = 1 then ', last year''s largest customer,'
                                   when t.rank_prior_t12m <= 10 then ', last year''s #' || t.rank_prior_t12m || ' customer,'
                                   else ', a major customer,' end
             || ' is down ' || pct_text(-t.change_rate) || ' year over year: ' || money_text(t.revenue_at_risk, params.currency)
             || ' of revenue at risk.' as sentence,
           t.revenue_at_risk, r.evidence
    from customer_trends t join params on t.is_declining
    left join customer_rows r using (customer_name)
),
win_rate_drop as (
    select 'win rate down' as trigger_type, 'win rate' as subject,
           'The win rate this quarter is ' || pct_text(q.win_rate) || ', down from a trailing four-quarter average of '
             || pct_text(q.trailing_4q_win_rate) || '.' as sentence,
           ((q.trailing_4q_win_rate - q.win_rate) * (q.won_count + q.lost_count) * (select avg_deal_size from win_rate_summary)) as revenue_at_risk,
           (select string_agg(distinct coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$')), ', ' order by coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$'))) || ' rows '
                   || string_agg(l.source_row::varchar, ', ' order by l.source_row) filter (where l.rn <= 8)
                   || case when max(l.rn) > 8 then ' and ' || (max(l.rn) - 8) || ' more' else '' end
              from (select p.*, row_number() over (order by p.source_row) as rn from opportunity_progress p, cal c2
                    where p.status = 'lost' and date_trunc('quarter', p.close_date) = date_trunc('quarter', c2.as_of_date)) l
              join source_files f using (source_file_id)) as evidence
    from win_rate_quarterly q, cal
    where q.quarter_start = date_trunc('quarter', cal.as_of_date)::date
      and q.won_count + q.lost_count >= 10 and q.win_rate < q.trailing_4q_win_rate - 0.05
),
behind_ramp as (
    select 'rep behind ramp' as trigger_type, r.rep_name as subject,
           r.rep_name || ', hired ' || strftime(r.hire_date, '%B %-d, %Y') || ', is behind ramp: '
             || money_text(r.ramp_pipeline, params.currency)
             || ' of pipeline created by day ' || r.ramp_window_days || ', '
             || pct_text(r.ramp_share) || ' of the '
             || money_text(r.ramp_benchmark, params.currency)
             || ' benchmark.' as sentence,
           ((r.ramp_benchmark - r.ramp_pipeline) * coalesce((select win_rate from win_rate_summary), 0)) as revenue_at_risk,
           rr.evidence
    from rep_ramp r join params on r.ramp_status = 'behind ramp'
    left join rep_rows rr using (rep_name)
),
inactive as (
    select 'rep with no new opportunities' as trigger_type, i.rep_name as subject,
           i.rep_name || ' has created no new opportunities in ' || i.weeks_without_new_opportunity || ' weeks'
             || coalesce(' (last on ' || strftime(i.last_opportunity_created_date, '%B %-d')
                 -- the year too when it is not the as-of date's: "70 weeks (last on June 24)" reads as this year
                 || case when year(i.last_opportunity_created_date) <> year((select as_of_date from run_parameters))
                         then strftime(i.last_opportunity_created_date, ', %Y') else '' end || ')', '') || '.' as sentence,
           (coalesce(s.bookings_t12m, 0) / 52.0 * i.weeks_without_new_opportunity) as revenue_at_risk,
           rr.evidence
    from rep_inactivity i
    left join rep_scorecard s using (rep_name)
    left join rep_rows rr using (rep_name)
    where i.is_inactive
),
stage_rates as (
    -- conversion per open stage for the deals created in T12M and in the prior T12M
    select s.stage, s.stage_order, w.period_name,
           count(*) filter (where p.reached_order > s.stage_order or (p.status = 'won' and p.reached_order >= s.stage_order)) as advanced,
           count(*) filter (where p.status = 'lost' and p.reached_order = s.stage_order) as lost_here
    from (select stage, stage_order from funnel_stages where not is_won and not is_lost) s
    cross join (select 'now' as period_name, t12m_start as start_date, as_of_date as end_date from period_calendar
                union all select 'prior', prior_t12m_start, prior_t12m_end from period_calendar) w
    join opportunity_progress p on p.created_date between w.start_date and w.end_date
    group by s.stage, s.stage_order, w.period_name
),
conversion_drop as (
    select n.stage, n.stage_order,
           n.advanced / (n.advanced + n.lost_here) as now_rate,
           p.advanced / (p.advanced + p.lost_here) as prior_rate,
           n.advanced + n.lost_here as decided
    from stage_rates n join stage_rates p on p.stage = n.stage and p.period_name = 'prior'
    where n.period_name = 'now' and n.advanced + n.lost_here >= 20 and p.advanced + p.lost_here >= 20
),
stage_drop as (
    select 'stage conversion dropped' as trigger_type, d.stage as subject,
           'Conversion from ' || d.stage || ' fell to ' || pct_text(d.now_rate) || ' from ' || pct_text(d.prior_rate)
             || ' for deals created a year earlier.' as sentence,
           ((d.prior_rate - d.now_rate) * d.decided * coalesce((select avg_deal_size from win_rate_summary), 0)
             * coalesce((select win_rate from win_rate_summary), 0)) as revenue_at_risk,
           (select string_agg(distinct coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$')), ', ' order by coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$'))) || ' rows '
                   || string_agg(l.source_row::varchar, ', ' order by l.source_row) filter (where l.rn <= 8)
                   || case when max(l.rn) > 8 then ' and ' || (max(l.rn) - 8) || ' more' else '' end
              from (select p.*, row_number() over (order by p.source_row) as rn from opportunity_progress p, period_calendar c3
                    where p.status = 'lost' and p.reached_order = d.stage_order
                      and p.created_date between c3.t12m_start and c3.as_of_date) l
              join source_files f using (source_file_id)) as evidence
    from conversion_drop d
    where (select count(*) from stage_history_by_row) > 0 and funnel_order_known() and d.prior_rate - d.now_rate >= 0.10
),
all_triggers as (
    select * from concentration union all select * from declining union all select * from win_rate_drop
    union all select * from behind_ramp union all select * from inactive union all select * from stage_drop
)
select row_number() over (order by revenue_at_risk desc nulls last, trigger_type, subject) as trigger_rank,
       trigger_type, subject, sentence, revenue_at_risk::decimal(18,2) as revenue_at_risk, evidence
from all_triggers
order by trigger_rank;
