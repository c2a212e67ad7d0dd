-- Empties the plan tables before the job's scorecard measurables and Rocks are written again.
delete from plan_measurables;
delete from plan_rocks;
