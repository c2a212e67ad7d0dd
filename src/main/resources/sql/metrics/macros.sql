-- Helpers shared by the metric files (no table). money_text: "$1.4M", "$259K", "$950".
create or replace macro currency_symbol(code) as
    case code when 'USD' then '$' when 'EUR' then '€' when 'GBP' then '£' when 'CAD' then 'C$' when 'AUD' then 'A$'
              else coalesce(code, '') || ' ' end;
create or replace macro money_text(amount, code) as
    case when amount is null then 'n/a'
         when abs(amount) >= 1000000 then (case when amount < 0 then '-' else '' end) || currency_symbol(code) || printf('%.1fM', abs(amount) / 1000000.0)
         when abs(amount) >= 1000 then (case when amount < 0 then '-' else '' end) || currency_symbol(code) || printf('%.0fK', abs(amount) / 1000.0)
         else (case when amount < 0 then '-' else '' end) || currency_symbol(code) || printf('%.0f', abs(amount)) end;
create or replace macro pct_text(rate) as case when rate is null then 'n/a' else printf('%.0f%%', rate * 100) end;
