"""Reads FindTreatment.gov exports (the JSON export and the spreadsheet CSV) into plain records.

Parsing and mapping touch no database: `parse_text` turns a whole file into one
`RowResult` per row, each holding a `ProgramRecord` per level of care the facility offers,
or the reason the row cannot be used. A file that cannot be read as either format at all
raises `ImportFileError`; nothing else is raised for any input. `save_rows` then writes
the records, matching each to an existing program by FindTreatment.gov ID and level, else
by name, ZIP code and level, so importing a file again updates instead of duplicating.

Every record carries a map point: the row's own latitude and longitude, else its ZIP
code's centre (approximate), else none (`PointFrom`); `ImportSummary.points_line` counts
them. Besides FindTreatment.gov's own columns, a spreadsheet may carry optional columns
staff add: `session_times`, `intake_hours`, `accepts_moud` (1, 0 or blank) and
`wheelchair`, `asl`, `interpreters` (1 or blank); see `mapping`.

The modules, in the order a file goes through them: `reading` (whole files), `cleaning`
(single values), `wordings` (service wordings and codes), `mapping` (a row to records),
`saving` (records to programs); `records` holds the types they pass along.

Each module's public names are in its `__all__`; the modules use only each other's public
names. Free text is cleaned by `programs.core.text.clean_text`, shared with the forms.
"""

from programs.core.text import clean_text
from programs.directory.importers.cleaning import (
    MAX_CITY,
    MAX_FRID,
    MAX_NAME,
    MAX_PHONE,
    MAX_STREET,
    MAX_WEBSITE,
    clean_coordinates,
    clean_phone,
    clean_state,
    clean_website,
    clean_zip,
)
from programs.directory.importers.mapping import MAX_TIMES
from programs.directory.importers.reading import (
    MAX_ROWS,
    guess_format,
    parse_csv,
    parse_json,
    parse_text,
    read_file,
)
from programs.directory.importers.records import (
    ImportFileError,
    ParsedFile,
    PointFrom,
    ProgramRecord,
    RowError,
    RowResult,
)
from programs.directory.importers.saving import PROGRESS_EVERY, ImportSummary, save_rows
from programs.directory.importers.wordings import (
    INPATIENT,
    IOP,
    LEVEL_ORDER,
    OUTPATIENT,
    PHP,
    RESIDENTIAL,
    accepts_moud_wording,
    access_value,
    language_value,
    medication_value,
    payment_value,
    population_value,
    setting_level,
)

__all__ = [
    "INPATIENT",
    "IOP",
    "LEVEL_ORDER",
    "MAX_CITY",
    "MAX_FRID",
    "MAX_NAME",
    "MAX_PHONE",
    "MAX_ROWS",
    "MAX_STREET",
    "MAX_TIMES",
    "MAX_WEBSITE",
    "OUTPATIENT",
    "PHP",
    "PROGRESS_EVERY",
    "RESIDENTIAL",
    "ImportFileError",
    "ImportSummary",
    "ParsedFile",
    "PointFrom",
    "ProgramRecord",
    "RowError",
    "RowResult",
    "accepts_moud_wording",
    "access_value",
    "clean_coordinates",
    "clean_phone",
    "clean_state",
    "clean_text",
    "clean_website",
    "clean_zip",
    "guess_format",
    "language_value",
    "medication_value",
    "parse_csv",
    "parse_json",
    "parse_text",
    "payment_value",
    "population_value",
    "read_file",
    "save_rows",
    "setting_level",
]
