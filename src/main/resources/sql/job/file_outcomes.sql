-- How the run's files ended, for the message of a run that loaded nothing dated: one row per outcome.
select case when status = 'excluded' then 'excluded'
            when status = 'failed' then 'unreadable'
            when kind = 'unknown' then 'not recognised'
            when kind = 'unused' then 'recognised but not used'
            else 'loaded without dated rows (' || kind || ')' end as outcome,
       count(*) as files
from source_files
group by all
order by files desc, outcome;
