-- A payable discrepancy names its statement as the API does everywhere else (2027-03-v1):
-- id payable:<contract>:<period>-v<n> (was payable:<contract>:<period>:v<n>), subject <period>-v<n>
-- (was <contract>/<period>/v<n>).
UPDATE settlement_discrepancy
   SET id      = regexp_replace(id, ':(\d{4}-\d{2}):v(\d+)$', ':\1-v\2'),
       subject = regexp_replace(subject, '^.*/(\d{4}-\d{2})/v(\d+)$', '\1-v\2')
 WHERE kind = 'PAYABLE_MISMATCH'
   AND id ~ ':\d{4}-\d{2}:v\d+$';
