-- Helpers shared by the metric files (no table). money_text: "$1.4M", "$259K", "$950".
create or replace macro currency_symbol(code) as
    case code when 'USD' then '$' when 'EUR' then '€' when 'GBP' then '£' when 'CAD' then 'C$' when 'AUD' then 'A$'
              else coalesce(code, '') || ' ' end;
create or replace macro money_text(amount, code) as
    case when amount is null then 'n/a'
         when abs(amount) >= 1000000 then (case when amount < 0 then '-' else '' end) || currency_symbol(code) || printf('%.1fM', abs(amount) / 1000000.0)
         when abs(amount) >= 1000 then (case when amount < 0 then '-' else '' end) || currency_symbol(code) || printf('%.0fK', abs(amount) / 1000.0)
         else (case when amount < 0 then '-' else '' end) || currency_symbol(code) || printf('%.0f', abs(amount)) end;
-- Whether the exports hold any lost deal. Without one (an export of won deals only) every win rate and stage
-- conversion would read 100%: a guess, so they are NULL and metric_status says why.
create or replace macro lost_deals_exported() as (select count(*) > 0 from opportunities where status = 'lost');
-- The one definition of a win rate (docs/metrics.md#win-rate): won / closed (count or amount), NULL when nothing
-- closed or when the exports hold no lost deal at all.
create or replace macro win_rate(won, closed) as case when lost_deals_exported() then won / nullif(closed, 0) end;
-- Whether the exports hold any deal: without an opportunities export every deal figure is unknown, not $0 or 0.
create or replace macro deals_exported() as (select count(*) > 0 from opportunities);
-- Whether the exports hold deals that are not won (lost or open): an export of won deals only says nothing of
-- the open pipeline, which is then NULL, not $0.
create or replace macro pipeline_exported() as (select count(*) > 0 from opportunities where status <> 'won');
-- Whether any won deal has an amount: bookings of deals without amounts are unknown, not $0.
create or replace macro bookings_known() as (select count(amount) > 0 from opportunities where status = 'won');
-- Where the deal data starts: its first created or close date (the start the deal-based figures are judged against).
create or replace macro deals_data_start() as (select least(min(created_date), min(close_date)) from opportunities);
-- Whether the data covers a period (docs/metrics.md#periods): the period ends on or after data_start (the first date
-- of what the figure counts: revenue events, deals) and starts on or before the data's end (run_parameters). A
-- period outside it is unknown, not a zero-filled $0: a dump starting in March 2017 says nothing of 2016's months,
-- and one ending in 2017 nothing of 2026's.
create or replace macro period_in_data(period_start, period_end, data_start) as
    coalesce(period_end >= data_start, false)
    and coalesce(period_start <= (select data_end_date from run_parameters), true);
-- Whether open deals carry amounts (and the exports hold a pipeline at all, see pipeline_exported). An export whose
-- open deals all lack one (Maven's close_value, filled in at
-- close) holds only what deals closed at: what is open now, or was open at an earlier date, is unknown, not $0 and
-- not the close values of the deals that have closed since.
create or replace macro open_amounts_exported() as
    pipeline_exported() and (select count(*) = 0 or count(amount) > 0 from opportunities where status = 'open');
-- Whether open deals carry expected close dates. Without any (Maven's open deals have none), what is expected to
-- close in a quarter is unknown, not $0.
create or replace macro open_close_dates_exported() as
    pipeline_exported() and (select count(*) = 0 or count(close_date) > 0 from opportunities where status = 'open');
-- Whether lost deals carry amounts. An export that puts 0 or nothing on every lost deal records what was won, not
-- what was lost: a win rate by value would read 100%, so it is NULL (docs/metrics.md#win-rate).
create or replace macro lost_amounts_exported() as
    (select count(*) > 0 from opportunities where status = 'lost' and amount <> 0);
-- The one definition of a win rate by value: won amount / closed amount, NULL as win_rate is, or when lost deals
-- carry no amounts.
create or replace macro value_win_rate(won_amount, closed_amount) as
    case when lost_amounts_exported() then win_rate(won_amount, closed_amount) end;
-- The one KPI status rule (docs/metrics.md#scorecard): a KPI against its reference (a year earlier, else last
-- period) is green when not worse, amber when worse by less than 10% (money) or 5 points (rates), red beyond
-- (reversed when lower is better); 'none' when either is unknown, or a money reference is 0 (nothing to compare).
create or replace macro kpi_status(now, reference, unit, higher_is_better) as
    case when now is null or reference is null or (unit = 'money' and reference = 0) then 'none'
         when (now - reference) * (case when higher_is_better then 1 else -1 end) >= 0 then 'green'
         when unit = 'money' and abs(now - reference) < 0.10 * abs(reference) then 'amber'
         when unit <> 'money' and abs(now - reference) < 0.05 then 'amber'
         else 'red' end;
create or replace macro pct_text(rate) as case when rate is null then 'n/a' else printf('%.0f%%', rate * 100) end;

-- Whether an activity happened (docs/metrics.md#activity): no status (HubSpot calls, Salesforce events), or the
-- export's own word for done (Salesforce Completed, Pipedrive Done / 1, HubSpot Completed). Planned, open,
-- cancelled and no-show activities are not work done.
create or replace macro activity_is_done(status) as
    status is null or lower(trim(status)) in ('completed', 'complete', 'done', 'true', 'yes', '1', 'held', 'sent');

-- The kind of an activity from the export's type label: call, meeting, email, else other.
create or replace macro activity_kind(activity_type) as
    case when activity_type is null then 'other'
         when regexp_matches(lower(activity_type), '\bcall') then 'call'
         when regexp_matches(lower(activity_type), 'meeting|\bdemo|\bvisit|\bevent') then 'meeting'
         when regexp_matches(lower(activity_type), 'e-?mail') then 'email'
         else 'other' end;

-- Whether a plan fact falls in a measurable's or Rock's slice (docs/metrics.md#scorecard-measurables-and-rocks): all
-- of it without a filter, else the one rep, region, segment or source named (compared without regard to case).
create or replace macro in_plan_slice(filter_by, filter_value, rep_name, region, segment, source) as
    filter_by is null
    or filter_by = 'rep' and lower(rep_name) = lower(filter_value)
    or filter_by = 'region' and lower(region) = lower(filter_value)
    or filter_by = 'segment' and lower(segment) = lower(filter_value)
    or filter_by = 'source' and lower(source) = lower(filter_value);

-- The last n complete calendar quarters up to the as-of date, q = 1 the latest (the as-of date's own quarter when
-- it ends on the quarter's last day).
create or replace macro complete_quarters(n) as table
    select q, (last_full - to_months(3 * (q - 1)::int) - to_months(2))::date as quarter_start,
           last_day((last_full - to_months(3 * (q - 1)::int))::date) as quarter_end
    from (select case when as_of_date = last_day(as_of_date) and month(as_of_date) % 3 = 0
                      then date_trunc('month', as_of_date)::date
                      else (date_trunc('quarter', as_of_date) - interval 1 month)::date end as last_full
          from run_parameters),
         range(1, n + 1) t(q);

-- A partial period (docs/metrics.md#periods): the month or quarter (months = 1 or 3) that holds the as-of date
-- when the as-of date is not its last day. Charts mark it, so it is never read as a complete period.
create or replace macro is_partial_period(period_start, months) as
    (select period_start <= as_of_date and as_of_date < last_day((period_start + to_months(months - 1))::date)
     from run_parameters);
-- Chart labels of a month ("Oct 26") and a quarter ("Q4 26"), the partial one followed by "to date".
create or replace macro quarter_name(quarter_start) as 'Q' || quarter(quarter_start) || ' ' || strftime(quarter_start, '%y');
create or replace macro month_label(month_start) as
    strftime(month_start, '%b %y') || case when is_partial_period(month_start, 1) then ' to date' else '' end;
create or replace macro quarter_label(quarter_start) as
    quarter_name(quarter_start) || case when is_partial_period(quarter_start, 3) then ' to date' else '' end;
-- A week's chart label ("09-28"), "to date" when the as-of date falls before its Sunday.
create or replace macro week_label(week_start) as
    strftime(week_start, '%m-%d')
    || case when (select week_start + interval 6 day > as_of_date from run_parameters) then ' to date' else '' end;
