-- Rates and shares are fractions between 0 and 1 (or NULL when unknown). Returns any that is not.
select 'win_rate_summary' as table_name, 'win_rate' as column_name, win_rate as value from win_rate_summary where win_rate not between 0 and 1
union all select 'win_rate_summary', 'win_rate_by_value', win_rate_by_value from win_rate_summary where win_rate_by_value not between 0 and 1
union all select 'win_rate_quarterly', 'win_rate', win_rate from win_rate_quarterly where win_rate not between 0 and 1
union all select 'win_rate_by_dimension', 'win_rate', win_rate from win_rate_by_dimension where win_rate not between 0 and 1
union all select 'rep_scorecard', 'win_rate_t12m', win_rate_t12m from rep_scorecard where win_rate_t12m not between 0 and 1
union all select 'stage_funnel', 'conversion_rate', conversion_rate from stage_funnel where conversion_rate not between 0 and 1
union all select 'lead_funnel', 'share_of_created', share_of_created from lead_funnel where share_of_created not between 0 and 1
union all select 'customer_concentration', 'revenue_share', revenue_share from customer_concentration where revenue_share not between 0 and 1;
