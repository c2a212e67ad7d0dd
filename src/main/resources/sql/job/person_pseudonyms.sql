-- The pseudonym of each real name, longest name first: a name that contains another ("Ann Lee-Smith",
-- "Ann Lee") is replaced in free text before the shorter one can split it.
select real_name, pseudonym
from person_pseudonyms
order by length(real_name) desc
