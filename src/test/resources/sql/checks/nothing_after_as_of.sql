-- No row of an "as of" measure is dated after the as-of date. Returns the rows that are.
with cal as (select as_of_date from run_parameters)
select 'revenue_monthly' as table_name, month_start as dated from revenue_monthly, cal where month_start > as_of_date
union all select 'bookings_monthly', month_start from bookings_monthly, cal where month_start > as_of_date
union all select 'win_rate_quarterly', quarter_start from win_rate_quarterly, cal where quarter_start > as_of_date
union all select 'rep_weekly_activity', week_start from rep_weekly_activity, cal where week_start > as_of_date
union all select 'opportunity_cohorts', quarter_start from opportunity_cohorts, cal where quarter_start > as_of_date;
