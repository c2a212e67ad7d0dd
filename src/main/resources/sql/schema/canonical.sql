-- Canonical model of RevLens (docs/data-model.md). Every business row keeps its lineage:
-- source_file_id (-> source_files) and source_row (1-based physical row/line number in that file).
-- Names of people and companies are the join keys because CRM exports reference them by name.

create sequence if not exists source_file_seq start 1;

create table if not exists source_files (
    source_file_id  integer primary key,
    path            varchar not null,
    sha256          varchar not null,
    size_bytes      bigint  not null,
    format          varchar not null,   -- csv | xlsx | xls
    encoding        varchar,            -- csv only
    delimiter       varchar,            -- csv only
    sheet           varchar,            -- excel only
    header_row      integer,            -- 1-based row of the header
    kind            varchar not null,   -- opportunities | accounts | reps | revenue_lines | leads | stage_history | unknown
    profile         varchar,            -- mapping profile name, null when unrecognised
    rows_read       bigint  not null default 0,  -- physical data rows after the header
    rows_loaded     bigint  not null default 0,
    rows_rejected   bigint  not null default 0,
    rows_skipped    bigint  not null default 0,  -- blank, subtotal, total, footer rows
    min_date        date,
    max_date        date,
    status          varchar not null default 'loaded', -- loaded | failed | ignored
    message         varchar,            -- why a file failed or was ignored
    loaded_at       timestamp
);

-- How a file's rows were read: 'bulk' (DuckDB's CSV reader, rows needing Java rules mapped by Java) or 'rows'
-- (row by row through commons-csv/POI). Added after the first release, hence the alter.
alter table source_files add column if not exists load_method varchar;
-- The file's path relative to its input folder (prefixed by the folder's name when a job reads several): how
-- every output names it (lineage), so that outputs do not depend on where the folder sits or on internal ids.
alter table source_files add column if not exists relative_path varchar;
-- What the file's load depended on besides its place: its content (sha256), the profile catalog, the override that
-- named its profile and the RevLens version (ExportRowReader). A forced rerun whose file has the same key, sheet and
-- profile keeps the earlier load instead of loading it again; reused says the current rows come from that load.
alter table source_files add column if not exists load_key varchar;
alter table source_files add column if not exists reused boolean default false;

create table if not exists rejects (
    source_file_id  integer not null,
    file            varchar not null,
    row_number      bigint  not null,
    column_name     varchar,
    raw_value       varchar,
    reason          varchar not null
);

create table if not exists accounts (
    account_id      varchar,
    account_name    varchar not null,
    segment         varchar,
    industry        varchar,
    country         varchar,
    region          varchar,
    employees       integer,
    annual_revenue  decimal(18,2),
    parent_account  varchar,
    source_file_id  integer not null,
    source_row      bigint  not null
);

create table if not exists reps (
    rep_id          varchar,
    rep_name        varchar not null,
    role            varchar,
    hire_date       date,
    end_date        date,
    manager         varchar,
    region          varchar,
    quarterly_quota decimal(18,2),
    source_file_id  integer not null,
    source_row      bigint  not null
);

-- A deal's id, name and account name rarely repeat within one of DuckDB's storage segments, so a dictionary
-- shortens nothing and DICT_FSST only doubles their write time: stored plain (figures in docs/decisions.md,
-- "Storage of ids and names"). Databases created before keep their columns as they were.
create table if not exists opportunities (
    opportunity_id   varchar using compression uncompressed not null,
    opportunity_name varchar using compression uncompressed,
    account_name     varchar using compression uncompressed,
    rep_name         varchar,
    stage            varchar,
    amount           decimal(18,2),
    currency         varchar,
    created_date     date,
    close_date       date,
    status           varchar not null,  -- open | won | lost
    source           varchar,
    opportunity_type varchar,           -- new | expansion | renewal | null
    lost_reason      varchar,
    product          varchar,
    segment          varchar,
    account_id       varchar,           -- the export's reference to the account (kept as lineage when resolved to a name)
    rep_id           varchar,           -- the export's reference to the owner (user id, owner id)
    lead_id          varchar,           -- the lead this deal came from, when the deals export names it
    probability      varchar,           -- the CRM's win probability of the deal's stage, as exported ("10", "10%"):
                                        -- it orders the org's own stages; a bad value must not reject the deal
    forecast_category varchar,          -- the CRM's forecast category (Pipeline, Best Case, Commit, Closed, Omitted)
    last_stage_change_date date,        -- when the deal last changed stage, where the export says (Pipedrive)
    pipeline         varchar,           -- the CRM pipeline the deal is in (Pipedrive, HubSpot): each has its own stages
    source_file_id   integer not null,
    source_row       bigint  not null
);

-- Stage history is stored by lineage, not by deal id: the deal is the opportunities row of the same file and
-- row, and the stage is the file's n-th stage column. A 1M-deal HubSpot export has ~3.8M entries; storing
-- the id and stage name on each made this insert 3.5x slower (docs/decisions.md, "Stage history").
create table if not exists source_file_stages (
    source_file_id  integer  not null,
    stage_index     smallint not null,  -- position of the stage column among the file's stage columns
    stage           varchar  not null
);

create table if not exists stage_entries (
    source_file_id  integer  not null,
    source_row      bigint   not null,
    stage_index     smallint not null,
    entered_date    date     not null
);

-- Stage history in a file of its own (Salesforce OpportunityHistory, OpportunityFieldHistory on StageName): one
-- row per change, naming the deal by id. Several changes can name one stage (an amount changed at that stage).
create table if not exists stage_changes (
    opportunity_id  varchar not null,
    stage           varchar not null,
    entered_date    date    not null,
    source_file_id  integer not null,
    source_row      bigint  not null,
    opportunity_name varchar          -- the deal's name where the export has it (joined by when no deal has the id)
);

-- The stages each loaded deal row entered, by lineage: what metrics that start from opportunities join to.
-- From the deal's own stage columns, and from stage-change files by deal id (the first date it entered each stage).
create view if not exists stage_history_by_row as
select e.source_file_id, e.source_row, s.stage, e.entered_date
from stage_entries e
join source_file_stages s on s.source_file_id = e.source_file_id and s.stage_index = e.stage_index
union all
select o.source_file_id, o.source_row, c.stage, min(c.entered_date) as entered_date
from stage_changes c
join opportunities o on o.opportunity_id = c.opportunity_id
group by o.source_file_id, o.source_row, c.stage
union all
-- A change whose deal id no loaded deal has, by the deal's name: a Salesforce opportunity report without the
-- Opportunity ID column beside a history report with it. Only a name one deal and one history id carry.
select o.source_file_id, o.source_row, c.stage, min(c.entered_date) as entered_date
from stage_changes c
join opportunities o on o.opportunity_name = c.opportunity_name
where c.opportunity_id not in (select opportunity_id from opportunities where opportunity_id is not null)
  and c.opportunity_name in (select opportunity_name from opportunities group by opportunity_name having count(*) = 1)
  and c.opportunity_name in (select opportunity_name from stage_changes group by opportunity_name
                             having count(distinct opportunity_id) = 1)
group by o.source_file_id, o.source_row, c.stage;

-- The canonical stage history: one row per deal per stage entered.
create view if not exists opportunity_stage_history as
select o.opportunity_id, h.stage, h.entered_date, h.source_file_id, h.source_row
from stage_history_by_row h
join opportunities o on o.source_file_id = h.source_file_id and o.source_row = h.source_row;

-- Pipeline order of stages as the export's profile declares it (won/lost are terminal).
create table if not exists pipeline_stages (
    stage           varchar not null,
    stage_order     integer not null,
    is_won          boolean not null default false,
    is_lost         boolean not null default false
);
-- What placed the stage in the order: declared (the profile), closed (a won or lost stage ends it), forecast
-- category, stage words, probability, or unknown (none of these: placed after the others alphabetically, a guess
-- the funnel does not take).
alter table pipeline_stages add column if not exists order_basis varchar default 'declared';
-- The first pipeline word in the label (StageVocabulary's rank; its count of words when none): two stages of one
-- funnel with the same word ("Proposal Sent", "Proposal Accepted") are not ordered by it.
alter table pipeline_stages add column if not exists word_rank integer;

-- Exports that share deal ids or document numbers without being the same export (other customers, another
-- profile): both kept, listed here by supersede_overlaps.sql for the data-quality findings.
create table if not exists overlap_conflicts (
    table_name      varchar,
    source_file_id  integer,
    other_file_id   integer,
    keys            bigint,
    examples        varchar
);

-- Which file put each stage in pipeline_stages (its deals, its stage history, or its profile's declared order):
-- when a file leaves the database, the stages only it brought leave too (sql/ingest/prune_pipeline_stages.sql).
create table if not exists file_pipeline_stages (
    source_file_id  integer not null,
    stage           varchar not null
);

create table if not exists leads (
    lead_id                  varchar,
    created_date             date,
    mql_date                 date,
    sql_date                 date,
    converted_opportunity_id varchar,
    source                   varchar,
    status                   varchar,   -- the export's lead status or lifecycle stage, as written
    opportunity_date         date,      -- became an opportunity (converted)
    customer_date            date,      -- became a customer (won)
    source_file_id           integer not null,
    source_row               bigint  not null
);

-- A CRM's user directory (Salesforce User): names the owners that deals reference by id. Not a roster:
-- it lists admins and integration users too, and carries no hire dates.
create table if not exists users (
    user_id         varchar not null,
    user_name       varchar,
    email           varchar,
    title           varchar,
    department      varchar,
    is_active       boolean,
    source_file_id  integer not null,
    source_row      bigint  not null
);

-- Activities (calls, meetings, e-mails, tasks) from CRM activity exports. related_to is the deal or account the
-- export names (an id or a name, as exported); resolve_references.sql turns it into opportunity_id / account_name
-- when another export holds it. status is the export's own (Completed, Done, true...): activity_is_done decides.
create table if not exists activities (
    activity_id     varchar,
    activity_type   varchar,
    activity_date   date    not null,
    rep_name        varchar,
    rep_id          varchar,
    related_to      varchar,
    opportunity_id  varchar,
    account_name    varchar,
    status          varchar,
    outcome         varchar,
    subject         varchar,
    source_file_id  integer not null,
    source_row      bigint  not null
);

create table if not exists revenue_lines (
    document_number varchar,
    customer_name   varchar,
    line_date       date    not null,
    amount          decimal(18,2) not null,  -- net line amount, net of tax; credit notes are negative
    quantity        decimal(18,4),
    product         varchar,
    currency        varchar,
    is_credit       boolean not null default false,
    tax_amount      decimal(18,2),           -- the line's tax, as exported (Xero TaxAmount)
    document_total  decimal(18,2),           -- the whole document's total, as exported on each line (Xero Total)
    tax_basis       varchar,                 -- inclusive | exclusive | no tax: whether the export's amount held the tax
    source_file_id  integer not null,
    source_row      bigint  not null
);

-- Documents an export holds but does not load for their status or type (a Xero invoice voided or deleted since an
-- earlier export, an overpayment): a later export that skips a document still says what became of it, so the
-- earlier export's lines of it are superseded (supersede_overlaps.sql).
create table if not exists skipped_documents (
    source_file_id  integer not null,
    document_number varchar not null,
    customer_name   varchar,
    reason          varchar
);

-- The input folders whose exports this database holds (one run's input set): a run of other folders into the
-- same output folder starts a clean database (DatabaseInputs) unless told to keep it.
create table if not exists run_input_folders (
    folder          varchar not null
);

-- One row: the values every metric SQL file reads (as-of date, periods, thresholds).
create table if not exists run_parameters (
    as_of_date                 date not null,
    company_name               varchar,
    currency                   varchar,
    concentration_threshold    decimal(9,4) not null default 0.20,
    major_customer_share       decimal(9,4) not null default 0.05,
    decline_threshold          decimal(9,4) not null default 0.10,
    ramp_threshold             decimal(9,4) not null default 0.50,
    stalled_days               integer not null default 30,
    inactive_weeks             integer not null default 2,
    target_t12m_revenue        decimal(18,2),   -- optional KPI targets from the job file
    target_bookings_month      decimal(18,2),
    target_win_rate            decimal(9,4),
    stale_after_days           integer not null default 7,  -- data ending longer before the as-of date is stale
    data_end_date              date             -- the latest transaction date loaded (latest_transaction_date.sql)
);

-- Columns added after the first release: keep DuckDB files of earlier runs usable.
alter table opportunities add column if not exists account_id varchar;
alter table opportunities add column if not exists rep_id varchar;
alter table opportunities add column if not exists lead_id varchar;
alter table opportunities add column if not exists probability varchar;
alter table opportunities add column if not exists forecast_category varchar;
alter table opportunities add column if not exists last_stage_change_date date;
alter table opportunities add column if not exists pipeline varchar;
alter table revenue_lines add column if not exists tax_amount decimal(18,2);
alter table revenue_lines add column if not exists document_total decimal(18,2);
alter table revenue_lines add column if not exists tax_basis varchar;
alter table leads add column if not exists status varchar;
alter table stage_changes add column if not exists opportunity_name varchar;
alter table leads add column if not exists opportunity_date date;
alter table leads add column if not exists customer_date date;
alter table run_parameters add column if not exists target_t12m_revenue decimal(18,2);
alter table run_parameters add column if not exists target_bookings_month decimal(18,2);
alter table run_parameters add column if not exists target_win_rate decimal(9,4);
alter table run_parameters add column if not exists stale_after_days integer default 7;
alter table run_parameters add column if not exists data_end_date date;

-- The columns each export profile mapped on the last run, so a later run can stop when an export changed
-- shape (missing or renamed columns) instead of loading nulls. One row per profile and per file name.
create table if not exists column_signatures (
    profile         varchar not null,
    file_name       varchar not null,
    mapped_columns  varchar not null,   -- JSON object: canonical column -> header name in the export
    header          varchar not null,   -- JSON array: the export's header names
    recorded_at     timestamp not null
);
alter table run_parameters add column if not exists streak_alert integer default 8;

-- The job file's scorecard measurables and Rocks (docs/metrics.md#scorecard-measurables-and-rocks), replaced on
-- every run by PlanWriter: what the scorecard grid and Rock progress are computed for.
create table if not exists plan_measurables (
    measurable_id   integer not null,   -- position in the job file, from 1
    name            varchar not null,
    metric          varchar not null,   -- a PlanMetric key (new_opportunities, win_rate, ...)
    accumulates     boolean not null,   -- a count or sum (adds up over a period) rather than a rate or average
    source_table    varchar not null,   -- the canonical table it counts (opportunities, activities, leads)
    unit            varchar not null,   -- money | rate | days | count
    filter_by       varchar,            -- rep | region | segment | source, null for all
    filter_value    varchar,
    owner           varchar,
    goal            decimal(18,4),      -- null: judged against the same period a year earlier
    direction       varchar not null,   -- up: higher is better; down: lower is better
    cadence         varchar not null    -- weekly | monthly
);

create table if not exists plan_rocks (
    rock_id         integer not null,
    name            varchar not null,
    metric          varchar not null,
    accumulates     boolean not null,
    source_table    varchar not null,
    unit            varchar not null,
    filter_by       varchar,
    filter_value    varchar,
    owner           varchar,
    baseline        decimal(18,4),      -- null: measured at start_date
    start_date      date    not null,
    target          decimal(18,4) not null,
    due_date        date    not null,
    direction       varchar not null
);

-- The key of the loaded data as the profile step last left it (overlaps resolved, references, pseudonyms, the
-- data-quality profile) with that step's inputs (the run's files, exclusions, folders): a run that finds the same
-- key, because it kept every file as loaded, keeps the profile (ProfileDataTasklet). At most one row; none while
-- the step runs.
create table if not exists profile_state (
    state_key   varchar not null
);

-- The key of what the metric tables were last computed from (loaded data, run parameters, metric SQL, earlier
-- reports' triggers) and the metric results of that computation: a run with the same key keeps the tables
-- (ComputeMetricsTasklet). At most one row; none while the tables are being computed.
create table if not exists metrics_state (
    state_key   varchar not null,
    results     varchar not null
);

-- The key of what the reports, workbook and metric CSVs were last rendered from (the metrics' key, templates,
-- report settings) and the SHA-256 of each metric CSV then written (RenderReportsTasklet). At most one row.
create table if not exists render_state (
    state_key   varchar not null,
    csv_hashes  varchar not null
);

-- Which version of this schema the database has (a hash of the schema scripts, Workspace.applySchema): a database
-- already at it is opened without running them again. At most one row.
create table if not exists schema_applied (
    scripts_sha256 varchar not null
);
