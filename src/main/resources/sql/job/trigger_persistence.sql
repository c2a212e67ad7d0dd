-- trigger_persistence: one row per trigger of this report, and one per trigger of the previous report that this
-- one no longer raises (docs/metrics.md#trigger-memory). Reads trigger_reports (the earlier reports of the same
-- job and client, from the job history: as_of, trigger_type, subject, sentence) and action_triggers.
-- state: new (not in the previous report), still open (raised in consecutive_reports reports in a row, this one
-- included, since first_raised), resolved (in the previous report, not in this one). A trigger raised in
-- persist_after (3) or more reports in a row comes first: the issue nobody has resolved.
create or replace table trigger_persistence as
with params as (select as_of_date, 3 as persist_after from run_parameters),
reports as (select distinct as_of from trigger_reports, params where as_of < params.as_of_date),
ranked as (select as_of, row_number() over (order by as_of desc) as back from reports),  -- 1 = the previous report
raised as (
    select r.back, r.as_of, t.trigger_type, t.subject, t.sentence
    from trigger_reports t join ranked r using (as_of)
),
streaks as (
    -- reports in a row before this one that raised the trigger: the first report without it ends the streak
    select a.trigger_type, a.subject,
           coalesce((select min(r.back) from ranked r
                     where not exists (select 1 from raised x where x.back = r.back
                                       and x.trigger_type = a.trigger_type and x.subject = a.subject)),
                    (select count(*) from ranked) + 1) - 1 as before
    from action_triggers a
),
open_now as (
    select a.trigger_rank, a.trigger_type, a.subject, a.sentence, a.revenue_at_risk, a.evidence,
           case when s.before = 0 then 'new' else 'still open' end as state,
           s.before + 1 as consecutive_reports,
           coalesce((select r.as_of from ranked r where r.back = s.before), p.as_of_date) as first_raised,
           (select count(*) from ranked) > 0 as has_history
    from action_triggers a join streaks s using (trigger_type, subject) cross join params p
),
resolved as (
    select x.trigger_type, x.subject, x.sentence
    from raised x
    where x.back = 1
      and not exists (select 1 from action_triggers a where a.trigger_type = x.trigger_type and a.subject = x.subject)
)
select row_number() over (order by (o.consecutive_reports >= p.persist_after) desc, o.trigger_rank) as report_order,
       o.trigger_rank, o.trigger_type, o.subject, o.sentence, o.revenue_at_risk, o.evidence, o.state,
       o.consecutive_reports, o.first_raised,
       case when o.consecutive_reports >= 2
            then 'Raised in ' || o.consecutive_reports || ' reports in a row since ' || strftime(o.first_raised, '%B %Y') || ', unresolved.'
            when o.has_history then 'New since the last report.' end as persistence_note
from open_now o cross join params p
union all
select null, null, trigger_type, subject, sentence, null, null, 'resolved', null, null,
       'Resolved since the last report.'
from resolved
order by report_order nulls last, trigger_type, subject;
