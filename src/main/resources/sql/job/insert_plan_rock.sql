insert into plan_rocks (rock_id, name, metric, accumulates, source_table, unit, filter_by, filter_value, owner, baseline,
                        start_date, target, due_date, direction)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
