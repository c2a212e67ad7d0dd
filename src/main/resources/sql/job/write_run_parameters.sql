-- One row of run parameters that every metric file reads; values arrive as bind parameters.
insert into run_parameters (
    as_of_date, company_name, currency, concentration_threshold, major_customer_share,
    decline_threshold, ramp_threshold, stalled_days, inactive_weeks,
    target_t12m_revenue, target_bookings_month, target_win_rate, stale_after_days, data_end_date)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
