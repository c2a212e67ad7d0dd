-- Deals that name their account or owner by id (Salesforce AccountId / OwnerId, a HubSpot associated company
-- id, a Pipedrive organisation or owner id): the name comes from the export that holds the id (accounts, the
-- users directory, the reps roster). The id stays in account_id / rep_id as lineage. A reference no export
-- resolves keeps the id as its name, so the deals still group per account and owner, and data_quality.sql
-- counts it as unresolved. Idempotent: a name that is still the id is looked up again on every run.

update opportunities
set account_name = a.account_name
from (select account_id, min(account_name) as account_name from accounts
      where account_id is not null group by account_id) as a
where opportunities.account_id = a.account_id
  and (opportunities.account_name is null or opportunities.account_name = opportunities.account_id);

update opportunities
set rep_name = u.user_name
from (select user_id, min(user_name) as user_name from users
      where user_name is not null group by user_id) as u
where opportunities.rep_id = u.user_id
  and (opportunities.rep_name is null or opportunities.rep_name = opportunities.rep_id);

update opportunities
set rep_name = r.rep_name
from (select rep_id, min(rep_name) as rep_name from reps where rep_id is not null group by rep_id) as r
where opportunities.rep_id = r.rep_id
  and (opportunities.rep_name is null or opportunities.rep_name = opportunities.rep_id);

update opportunities set account_name = account_id where account_name is null and account_id is not null;

update opportunities set rep_name = rep_id where rep_name is null and rep_id is not null;

-- Activities: the owner by id as for deals; the deal or account an activity is about, from related_to (a Salesforce
-- WhatId, a HubSpot associated deal, a Pipedrive deal title): a deal's id, else a deal's name when only one deal has
-- it, else an account's id or name. Unresolved, related_to stays as exported and the ids stay empty.
update activities
set rep_name = u.user_name
from (select user_id, min(user_name) as user_name from users
      where user_name is not null group by user_id) as u
where activities.rep_id = u.user_id
  and (activities.rep_name is null or activities.rep_name = activities.rep_id);

update activities
set rep_name = r.rep_name
from (select rep_id, min(rep_name) as rep_name from reps where rep_id is not null group by rep_id) as r
where activities.rep_id = r.rep_id
  and (activities.rep_name is null or activities.rep_name = activities.rep_id);

update activities set rep_name = rep_id where rep_name is null and rep_id is not null;

update activities
set opportunity_id = o.opportunity_id
from (select distinct opportunity_id from opportunities where opportunity_id is not null) as o
where activities.opportunity_id is null and activities.related_to = o.opportunity_id;

update activities
set opportunity_id = o.opportunity_id
from (select opportunity_name, min(opportunity_id) as opportunity_id from opportunities
      where opportunity_name is not null group by opportunity_name having count(distinct opportunity_id) = 1) as o
where activities.opportunity_id is null and activities.related_to = o.opportunity_name;

update activities
set account_name = o.account_name
from (select opportunity_id, min(account_name) as account_name from opportunities
      where account_name is not null group by opportunity_id) as o
where activities.account_name is null and activities.opportunity_id = o.opportunity_id;

update activities
set account_name = a.account_name
from (select account_id, min(account_name) as account_name from accounts
      where account_id is not null group by account_id) as a
where activities.account_name is null and activities.related_to = a.account_id;

update activities
set account_name = a.account_name
from (select distinct account_name from accounts) as a
where activities.account_name is null and activities.related_to = a.account_name;
