-- No two files of one kind: no conflicts left from an earlier run's overlaps.
delete from overlap_conflicts;
