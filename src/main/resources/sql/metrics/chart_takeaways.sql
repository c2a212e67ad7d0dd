-- chart_takeaways: one row per chart of the reports: the one line above it that says what it shows, computed from
-- the tables the chart draws (docs/metrics.md#chart-takeaways); no row when the data says nothing. Ordered by chart.
create or replace table chart_takeaways as
with params as (select * from run_parameters),
revenue as (
    select 'revenue_monthly' as chart,
           'The last 12 months brought ' || money_text(k.this_period, p.currency)
           || case when k.same_period_last_year > 0
                   then ', ' || case when k.this_period >= k.same_period_last_year then 'up ' else 'down ' end
                        || pct_text(abs(k.this_period / k.same_period_last_year - 1)) || ' on the 12 months before'
                   else '' end
           || case when p.as_of_date <> last_day(p.as_of_date)
                   then '; ' || strftime(p.as_of_date, '%b %y') || ' is month to date' else '' end || '.' as sentence
    from kpi_scorecard k, params p
    where k.kpi = 't12m_revenue' and k.this_period is not null
),
pareto as (
    select 'pareto', top_customer_name || ' alone is ' || pct_text(top1_share) || ' of trailing-12-month revenue; the top 5 customers are '
           || pct_text(top5_share) || '.'
    from concentration_summary where top_customer_name is not null
),
quarters as (
    select quarter_start, win_rate, trailing_4q_win_rate,
           quarter_name(quarter_start) as label
    from win_rate_quarterly where win_rate is not null
),
win_rate as (
    select 'win_rate',
           'Win rate ' || pct_text(l.trailing_4q_win_rate) || ' over the last four quarters; best quarter '
           || b.label || ' at ' || pct_text(b.win_rate) || ', weakest ' || w.label || ' at ' || pct_text(w.win_rate)
           || case when is_partial_period(l.quarter_start, 3)
                   then '; ' || l.label || ' is the quarter so far (to ' || strftime(p.as_of_date, '%b %d') || '), not ranked' else '' end || '.'
    from (select * from quarters order by quarter_start desc limit 1) l,
         -- best and weakest among complete quarters: a quarter so far is not ranked against whole ones
         (select * from quarters where not is_partial_period(quarter_start, 3) order by win_rate desc, quarter_start desc limit 1) b,
         (select * from quarters where not is_partial_period(quarter_start, 3) order by win_rate, quarter_start desc limit 1) w,
         params p
    where l.trailing_4q_win_rate is not null
),
leak as (
    select 'stage_funnel', 'The largest leak: ' || stage || ', where ' || pct_text(conversion_rate) || ' of the deals that reach it move on ('
           || lost_here_count || ' of ' || reached_count || ' lost there).'
    from stage_funnel where conversion_rate is not null
    order by conversion_rate, stage_order limit 1
),
rep_totals as (
    select rep_name, sum(new_opportunities) as created from rep_weekly_activity group by rep_name
),
weekly as (
    select 'rep_weekly', 'In 13 weeks the team created ' || (select sum(created) from rep_totals) || ' opportunities; most: '
           || m.rep_name || ' (' || m.created || '), fewest: ' || f.rep_name || ' (' || f.created || ').'
    from (select * from rep_totals order by created desc, rep_name limit 1) m,
         (select * from rep_totals order by created, rep_name limit 1) f
),
ramp as (
    select 'ramp', case when count(*) filter (where ramp_status = 'behind ramp') > 0
                        then 'Behind ramp: ' || string_agg(rep_name || ' (' || pct_text(ramp_share) || ' of the benchmark by day '
                             || ramp_window_days || ')', ', ' order by rep_name) filter (where ramp_status = 'behind ramp') || '.'
                        else 'Every rep hired inside the data is on track or ramped.' end
    from rep_ramp where hired_inside_data
    having count(*) > 0
)
select * from revenue
union all select * from pareto
union all select * from win_rate
union all select * from leak
union all select * from weekly
union all select * from ramp
order by chart;
