-- Forgets the shapes a new record replaces: the profile's and the file name's. Parameters: the profile, the file name.
delete from column_signatures
where profile = ? or file_name = ?;
