insert into plan_measurables (measurable_id, name, metric, accumulates, source_table, unit, filter_by, filter_value, owner, goal,
                              direction, cadence)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
