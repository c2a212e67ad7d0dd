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
