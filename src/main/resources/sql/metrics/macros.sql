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
-- Whether the exports hold deals that are not won (lost or open): an export of won deals only says nothing of
-- the open pipeline, which is then NULL, not $0.
create or replace macro pipeline_exported() as (select count(*) > 0 from opportunities where status <> 'won');
-- Whether any won deal has an amount: bookings of deals without amounts are unknown, not $0.
create or replace macro bookings_known() as (select count(amount) > 0 from opportunities where status = 'won');
create or replace macro pct_text(rate) as case when rate is null then 'n/a' else printf('%.0f%%', rate * 100) end;
