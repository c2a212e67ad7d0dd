-- The line each chart of the report opens with, by chart (chart_takeaways).
select chart, sentence
from chart_takeaways
