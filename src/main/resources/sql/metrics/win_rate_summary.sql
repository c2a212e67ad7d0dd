-- win_rate_summary: one row; deals closed in T12M (docs/metrics.md#win-rate, #cycle, #velocity).
-- proposal_stage (proposal_stage.sql); proposal win rate = won / closed deals that reached it.
-- Without stage history a lost deal's furthest stage is unknown, so the proposal figures are NULL.
-- Sales velocity = open deals x win rate x average won deal / average cycle days (revenue per day).
create or replace table win_rate_summary as
with cal as (select * from period_calendar),
proposal as (select stage from proposal_stage),
proposal_order as (select stage_order from proposal_stage),
closed as (
    select * from opportunity_progress, cal
    where status in ('won', 'lost') and close_date between cal.t12m_start and cal.as_of_date
),
prior as (
    select win_rate(count(*) filter (where status = 'won'), count(*)) as win_rate
    from opportunity_progress, cal
    where status in ('won', 'lost') and close_date between cal.prior_t12m_start and cal.prior_t12m_end
),
open_deals as (
    -- NULL when the exports hold won deals only: the open pipeline is then not in the data, not $0
    select case when pipeline_exported() then count(*) end as open_count,
           -- unknown, not $0, when open deals exist and none carries an amount
           case when pipeline_exported() and open_amounts_exported() and (count(*) = 0 or count(amount) > 0)
                then coalesce(sum(amount), 0) end as open_pipeline,
           count(amount) as open_amount_count
    from opportunity_progress
    where in_open_pipeline
),
won as (
    select avg(amount) as avg_deal_size,
           avg(date_diff('day', created_date, close_date)) as avg_cycle_days,
           median(date_diff('day', created_date, close_date)) as median_cycle_days
    from closed where status = 'won' and created_date is not null and close_date >= created_date
),
summary as (
    select case when deals_exported() then count(*) filter (where status = 'won') end as won_count,
           case when deals_exported() then count(*) filter (where status = 'lost') end as lost_count,
           case when deals_exported() then coalesce(sum(amount) filter (where status = 'won'), 0) end as won_amount,
           case when deals_exported() then coalesce(sum(amount) filter (where status = 'lost'), 0) end as lost_amount,
           case when (select count(*) from stage_history_by_row) > 0
                then count(*) filter (where reached_order >= (select stage_order from proposal_order)) end as proposal_closed_count,
           case when (select count(*) from stage_history_by_row) > 0
                then count(*) filter (where status = 'won' and reached_order >= (select stage_order from proposal_order)) end as proposal_won_count
    from closed
),
figures as (
    select s.won_count, s.lost_count,
       win_rate(s.won_count, s.won_count + s.lost_count) as win_rate,
       s.won_amount::decimal(18,2) as won_amount,
       s.lost_amount::decimal(18,2) as lost_amount,
       value_win_rate(s.won_amount, s.won_amount + s.lost_amount) as win_rate_by_value,
       (select stage from proposal) as proposal_stage,
       s.proposal_closed_count, s.proposal_won_count,
       win_rate(s.proposal_won_count, s.proposal_closed_count) as proposal_win_rate,
       w.avg_cycle_days, w.median_cycle_days,
       w.avg_deal_size::decimal(18,2) as avg_deal_size,
       o.open_count, o.open_pipeline::decimal(18,2) as open_pipeline,
       o.open_count * win_rate(s.won_count, s.won_count + s.lost_count) * w.avg_deal_size / nullif(w.avg_cycle_days, 0)
           as sales_velocity_per_day,
       (select win_rate from prior) as prior_t12m_win_rate,
       o.open_amount_count
from summary s, won w, open_deals o
)
select * from figures;
