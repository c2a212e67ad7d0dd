-- A small team for the golden scorecard, Rock and quota tests, as of 2026-06-30 (a Tuesday, a quarter end).
-- The latest complete week is Mon 2026-06-22 .. Sun 06-28; the latest month June 2026. The deal data starts with
-- a1, created 2025-01-06. The measurables and Rocks are written by PlanWriter in the test.
insert into run_parameters (as_of_date, company_name, currency) values (date '2026-06-30', 'Plan Co', 'USD');
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind) values
    (1, '/fixtures/deals.csv', 'x', 1, 'csv', 'opportunities'), (2, '/fixtures/reps.csv', 'x', 1, 'csv', 'reps');
insert into pipeline_stages (stage, stage_order, is_won, is_lost) values
    ('Qualified', 1, false, false), ('Proposal', 2, false, false), ('Won', 3, true, false), ('Lost', 3, false, true);
insert into reps (rep_name, hire_date, region, quarterly_quota, source_file_id, source_row) values
    ('Ann', date '2024-01-01', 'East', 1000, 2, 2), ('Bob', date '2026-05-01', 'West', 2000, 2, 3);
insert into opportunities (opportunity_id, rep_name, stage, amount, currency, created_date, close_date, status, source_file_id, source_row) values
    ('a1', 'Ann', 'Won', 500, 'USD', date '2025-01-06', date '2025-02-05', 'won', 1, 2),
    ('a5', 'Ann', 'Won', 200, 'USD', date '2025-06-25', date '2025-06-30', 'won', 1, 3),
    ('b2', 'Bob', 'Lost', 400, 'USD', date '2026-05-04', date '2026-05-20', 'lost', 1, 4),
    ('a4', 'Ann', 'Lost', 700, 'USD', date '2026-06-16', date '2026-06-26', 'lost', 1, 5),
    ('a2', 'Ann', 'Qualified', 900, 'USD', date '2026-06-22', date '2026-08-31', 'open', 1, 6),
    ('a3', 'Ann', 'Won', 300, 'USD', date '2026-06-23', date '2026-06-25', 'won', 1, 7),
    ('b1', 'Bob', 'Won', 1000, 'USD', date '2026-06-24', date '2026-06-29', 'won', 1, 8);

-- Activities (from 2026-01-05: the activity data starts there). Cy and Di were hired inside it, before Bob; Ann was
-- hired before it. Days after hire in comments; a no-show meeting is not activity done.
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind) values (3, '/fixtures/calls.csv', 'x', 1, 'csv', 'activities');
insert into reps (rep_name, hire_date, source_file_id, source_row) values
    ('Cy', date '2026-01-05', 2, 4), ('Di', date '2026-02-02', 2, 5);
insert into activities (activity_type, activity_date, rep_name, status, source_file_id, source_row) values
    -- Cy: days 0, 5, 15, 30 | 31, 60 | 61
    ('Call', date '2026-01-05', 'Cy', null, 3, 2), ('Call', date '2026-01-10', 'Cy', null, 3, 3),
    ('Call', date '2026-01-20', 'Cy', null, 3, 4), ('Call', date '2026-02-04', 'Cy', null, 3, 5),
    ('Call', date '2026-02-05', 'Cy', null, 3, 6), ('Call', date '2026-03-06', 'Cy', null, 3, 7),
    ('Call', date '2026-03-07', 'Cy', null, 3, 8),
    -- Di: days 0, 8 | 31, 36, 41, 60 | 61, 67, 90
    ('Call', date '2026-02-02', 'Di', null, 3, 9), ('Call', date '2026-02-10', 'Di', null, 3, 10),
    ('Call', date '2026-03-05', 'Di', null, 3, 11), ('Call', date '2026-03-10', 'Di', null, 3, 12),
    ('Call', date '2026-03-15', 'Di', null, 3, 13), ('Call', date '2026-04-03', 'Di', null, 3, 14),
    ('Call', date '2026-04-04', 'Di', null, 3, 15), ('Call', date '2026-04-10', 'Di', null, 3, 16),
    ('Call', date '2026-05-03', 'Di', null, 3, 17),
    -- Bob: days 0, 14, 30 | 31, and a no-show on day 40
    ('Call', date '2026-05-01', 'Bob', null, 3, 18), ('Call', date '2026-05-15', 'Bob', null, 3, 19),
    ('Call', date '2026-05-31', 'Bob', null, 3, 20), ('Meeting', date '2026-06-01', 'Bob', 'Completed', 3, 21),
    ('Meeting', date '2026-06-10', 'Bob', 'No show', 3, 22),
    ('Call', date '2026-06-23', 'Ann', null, 3, 23);
