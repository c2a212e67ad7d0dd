-- Open pipeline at a mid-month as-of date (2026-06-15) with a second currency and deals created or closed
-- after the as-of date. Hand arithmetic beside each fact. T12M = 2025-06-16..2026-06-15.
insert into run_parameters (as_of_date, company_name, currency) values (date '2026-06-15', 'Pipeline Co', 'USD');
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind) values
    (1, '/fixtures/deals.csv', 'x', 1, 'csv', 'opportunities');
insert into opportunities (opportunity_id, account_name, rep_name, stage, amount, currency, created_date, close_date,
                           status, source_file_id, source_row) values
    ('D1', 'Acme', 'Ann', 'Proposal', 100.00, 'USD', date '2026-05-01', date '2026-07-31', 'open', 1, 2),  -- open: in
    ('D2', 'Acme', 'Ann', 'Proposal', 200.00, 'USD', date '2026-06-20', date '2026-08-31', 'open', 1, 3),  -- created after: out
    ('D3', 'Euro', 'Ben', 'Proposal', 5000.00, 'EUR', date '2026-05-10', date '2026-07-31', 'open', 1, 4), -- EUR: out
    ('D4', 'Acme', 'Ann', 'Won', 300.00, 'USD', date '2026-04-01', date '2026-06-25', 'won', 1, 5),       -- won after: open then, in
    ('D5', 'Bolt', 'Ben', 'Won', 400.00, 'USD', date '2026-03-01', date '2026-06-10', 'won', 1, 6),       -- won in June
    ('D6', 'Bolt', 'Ann', 'Lost', 50.00, 'USD', date '2026-02-01', date '2026-05-20', 'lost', 1, 7),      -- lost in May
    ('D7', 'Cove', 'Ben', 'Won', 70.00, 'USD', date '2025-05-01', date '2025-06-05', 'won', 1, 8),        -- June 5 a year ago
    ('D8', 'Cove', 'Ben', 'Won', 90.00, 'USD', date '2025-05-01', date '2025-06-20', 'won', 1, 9);        -- June 20 a year ago
-- Open pipeline = D1 100 + D4 300 = 400 (2 deals): Ann 400, Ben 0.
-- Win rate T12M (closes 2025-06-16..2026-06-15) = D5, D8 won / D5, D8, D6 closed = 2 / 3; by value
-- (400 + 90) / (400 + 90 + 50) = 490 / 540.
-- Bookings this month to date (June 1-15, 2026) = D5 400; the same days a year earlier (June 1-15, 2025) = D7 70,
-- not the whole of June 2025 (70 + 90 = 160); last period (May 2026) = 0.
insert into reps (rep_name, hire_date, source_file_id, source_row) values
    ('Ann', date '2024-01-01', 1, 10), ('Ben', date '2024-01-01', 1, 11);
