-- A tiny company for the golden metric tests, as of 2026-06-30.
-- T12M = 2025-07-01..2026-06-30; prior T12M = 2024-07-01..2025-06-30. Hand arithmetic beside each fact.
insert into run_parameters (as_of_date, company_name, currency) values (date '2026-06-30', 'Golden Co', 'USD');
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind) values
    (1, '/fixtures/invoices.csv', 'x', 1, 'csv', 'revenue_lines'),
    (2, '/fixtures/deals.csv', 'x', 1, 'csv', 'opportunities');

-- Revenue lines. T12M per customer: A = 600 + 400 = 1000; B = 300 - 50 (credit) = 250; C = 250.
-- Prior T12M: C = 1000, D = 200. The customer-less line (100) is left out of concentration.
-- I0 (C, 2024-01-10) is before both windows: the revenue data starts before the prior window (and before the
-- year-earlier windows of the scorecard's month ends back to February), so who is new
-- and year-over-year changes are known (customer_trends.prior_window_complete).
insert into revenue_lines (document_number, customer_name, line_date, amount, currency, is_credit, source_file_id, source_row) values
    ('I1', 'A', date '2026-01-15', 600.00, 'USD', false, 1, 2),
    ('I2', 'A', date '2025-09-01', 400.00, 'USD', false, 1, 3),
    ('I3', 'B', date '2026-03-01', 300.00, 'USD', false, 1, 4),
    ('CN1', 'B', date '2026-04-01', -50.00, 'USD', true, 1, 5),
    ('I4', 'C', date '2026-05-01', 250.00, 'USD', false, 1, 6),
    ('I5', 'C', date '2024-12-01', 1000.00, 'USD', false, 1, 7),
    ('I6', 'D', date '2025-01-10', 200.00, 'USD', false, 1, 8),
    ('I7', null, date '2026-02-01', 100.00, 'USD', false, 1, 9),
    ('I8', 'E', date '2026-02-01', 999.00, 'EUR', false, 1, 10),  -- other currency: left out
    ('I0', 'C', date '2024-01-10', 80.00, 'USD', false, 1, 11);

insert into pipeline_stages (stage, stage_order, is_won, is_lost) values
    ('Qualified', 1, false, false), ('Proposal', 2, false, false), ('Negotiation', 3, false, false),
    ('Closed Won', 4, true, false), ('Closed Lost', 4, false, true);

-- Deals. Closed in T12M: o1 won (1000), o2 lost (500), o3 lost (300), o4 won (2000) -> 2 won / 4 closed.
insert into opportunities (opportunity_id, opportunity_name, account_name, rep_name, stage, amount, currency,
                           created_date, close_date, status, source, source_file_id, source_row) values
    ('o1', 'Deal 1', 'A', 'Xavier', 'Closed Won', 1000.00, 'USD', date '2026-01-01', date '2026-02-01', 'won', 'Web', 2, 2),
    ('o2', 'Deal 2', 'B', 'Xavier', 'Closed Lost', 500.00, 'USD', date '2026-01-05', date '2026-03-01', 'lost', 'Web', 2, 3),
    ('o3', 'Deal 3', 'C', 'Yara', 'Closed Lost', 300.00, 'USD', date '2026-02-01', date '2026-02-20', 'lost', 'Partner', 2, 4),
    ('o4', 'Deal 4', 'A', 'Yara', 'Closed Won', 2000.00, 'USD', date '2026-03-01', date '2026-04-30', 'won', 'Partner', 2, 5),
    ('o5', 'Deal 5', 'B', 'Yara', 'Proposal', 800.00, 'USD', date '2026-05-01', date '2026-07-15', 'open', 'Web', 2, 6),
    ('o6', 'Deal 6', 'D', 'Xavier', 'Closed Lost', 400.00, 'USD', date '2025-03-01', date '2025-05-01', 'lost', 'Web', 2, 7);

-- Stage history: o3 never left Qualified; o4 skipped Proposal (counts as having passed it).
-- Entries name the deal by its row in deals.csv (o1 = row 2 ... o6 = row 7) and the stage by the file's stage index.
insert into source_file_stages (source_file_id, stage_index, stage) values
    (2, 0, 'Qualified'), (2, 1, 'Proposal'), (2, 2, 'Negotiation'), (2, 3, 'Closed Won'), (2, 4, 'Closed Lost');
insert into stage_entries (source_file_id, source_row, stage_index, entered_date)
select 2, h.source_row, s.stage_index, h.entered_date
from (values
    (2, 'Qualified', date '2026-01-01'), (2, 'Proposal', date '2026-01-10'), (2, 'Closed Won', date '2026-02-01'),
    (3, 'Qualified', date '2026-01-05'), (3, 'Proposal', date '2026-01-20'), (3, 'Closed Lost', date '2026-03-01'),
    (4, 'Qualified', date '2026-02-01'), (4, 'Closed Lost', date '2026-02-20'),
    (5, 'Qualified', date '2026-03-01'), (5, 'Negotiation', date '2026-04-01'), (5, 'Closed Won', date '2026-04-30'),
    (6, 'Qualified', date '2026-05-01'), (6, 'Proposal', date '2026-05-20'),
    (7, 'Qualified', date '2025-03-01'), (7, 'Proposal', date '2025-03-20'), (7, 'Closed Lost', date '2025-05-01')
) as h(source_row, stage, entered_date)
join source_file_stages s on s.source_file_id = 2 and s.stage = h.stage;
