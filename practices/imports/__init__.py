"""Bulk imports of cases: spreadsheets (CSV, XLSX) and Pabulib participatory-budget files.

Policies shared by both (STYLE.md habit 5): the whole input is read and checked before
anything is written; a refusal lists every problem with its place (line, column or section)
and leaves the database as it was; the write is one transaction; dry runs do everything but
commit; each import returns a report the command prints. Cases are upserted by
(import_source, external_id), so re-importing a file updates instead of duplicating.

Modules: `errors` (refusals and problems), `register` (finding a gmina by TERYT or name),
`tables` (reading CSV and XLSX), `columns` (the spreadsheet's columns), `spreadsheet` (the
spreadsheet import), `template` (the XLSX template), `pabulib` (the .pb reader) and `budgets`
(the Pabulib import).
"""
