-- A small sales team for the golden rep, pipeline and cohort tests, as of 2026-06-30 (a Tuesday).
-- T12M = 2025-07-01..2026-06-30. The data starts with Olga's first deal on 2024-12-01.
insert into run_parameters (as_of_date, company_name, currency) values (date '2026-06-30', 'Golden Co', 'USD');
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind) values
    (1, '/fixtures/deals.csv', 'x', 1, 'csv', 'opportunities'), (2, '/fixtures/reps.csv', 'x', 1, 'csv', 'reps');
insert into pipeline_stages (stage, stage_order, is_won, is_lost) values
    ('Qualified', 1, false, false), ('Proposal', 2, false, false), ('Won', 3, true, false), ('Lost', 3, false, true);

-- Olga: hired before the data starts. Pia and Paul: earlier hires inside the data (the ramp peers).
-- Nia: hired 2026-02-02 (148 days). Ned: hired 2026-05-11 (50 days: too early to judge).
insert into reps (rep_name, hire_date, quarterly_quota, source_file_id, source_row) values
    ('Olga', date '2020-01-01', 1000, 2, 2), ('Pia', date '2025-01-06', null, 2, 3), ('Paul', date '2025-03-03', null, 2, 4),
    ('Nia', date '2026-02-02', 500, 2, 5), ('Ned', date '2026-05-11', 500, 2, 6);

insert into opportunities (opportunity_id, rep_name, stage, amount, currency, created_date, close_date, status, source_file_id, source_row) values
    ('olga-1', 'Olga', 'Won', 800, 'USD', date '2024-12-01', date '2025-01-15', 'won', 1, 2),
    ('olga-2', 'Olga', 'Qualified', 3650, 'USD', date '2026-06-01', date '2026-08-01', 'open', 1, 3),
    -- Pia: created day 5 (100), day 40 (200), day 80 (300): pipeline by day 60 = 300, by day 90 = 600.
    ('pia-1', 'Pia', 'Won', 100, 'USD', date '2025-01-11', date '2025-03-01', 'won', 1, 4),
    ('pia-2', 'Pia', 'Lost', 200, 'USD', date '2025-02-15', date '2025-04-01', 'lost', 1, 5),
    ('pia-3', 'Pia', 'Lost', 300, 'USD', date '2025-03-27', date '2025-05-01', 'lost', 1, 6),
    -- Paul: day 10 (1000), day 70 (500): by day 60 = 1000, by day 90 = 1500.
    ('paul-1', 'Paul', 'Lost', 1000, 'USD', date '2025-03-13', date '2025-06-01', 'lost', 1, 7),
    ('paul-2', 'Paul', 'Lost', 500, 'USD', date '2025-05-12', date '2025-08-01', 'lost', 1, 8),
    -- Nia: day 20 (100), still open and past its close date.
    ('nia-1', 'Nia', 'Proposal', 100, 'USD', date '2026-02-22', date '2026-05-31', 'open', 1, 9),
    ('ned-1', 'Ned', 'Qualified', 50, 'USD', date '2026-06-25', date '2026-09-15', 'open', 1, 10);

insert into leads (lead_id, created_date, mql_date, sql_date, converted_opportunity_id, source, source_file_id, source_row) values
    ('L1', date '2026-01-01', date '2026-01-05', date '2026-01-10', 'nia-1', 'Web', 1, 20),
    ('L2', date '2026-01-02', date '2026-01-04', null, null, 'Web', 1, 21),
    ('L3', date '2026-02-01', null, null, null, 'Event', 1, 22),
    ('L4', date '2025-05-01', date '2025-05-02', null, null, 'Web', 1, 23);
