"""Reading a whole file, JSON export or spreadsheet CSV, into one `RowResult` per row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from programs.core.text import clean_text
from programs.directory.importers.cleaning import column_key, normalise_keys
from programs.directory.importers.mapping import facility_from_csv, facility_from_json, records_for
from programs.directory.importers.records import ImportFileError, ParsedFile, RowError, RowResult

__all__ = ["MAX_ROWS", "guess_format", "parse_csv", "parse_json", "parse_text", "read_file"]

MAX_ROWS = 200_000


def read_file(path: Path | str) -> str:
    """The file's text; UTF-8 (with or without a byte-order mark) or ImportFileError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path} is not UTF-8 text (a byte at position {exc.start} cannot be read). "
            "Save it as UTF-8 and try again."
        ) from None


def guess_format(path: Path | str, text: str) -> str:
    """ "json" or "csv", from the file name's extension, else from the first character."""
    suffix = Path(path).suffix.lower()
    if suffix in {".json", ".csv"}:
        return suffix[1:]
    return "json" if text.lstrip()[:1] in {"{", "["} else "csv"


def parse_text(text: str, file_format: str) -> ParsedFile:
    """Every row of a file in one of the two formats, mapped to records or skipped."""
    if file_format == "json":
        return parse_json(text)
    if file_format == "csv":
        return parse_csv(text)
    raise ImportFileError(f"Unknown format {file_format!r}: use json or csv.")


def parse_json(text: str) -> ParsedFile:
    """The JSON export: an object with a `rows` list (a bare list of rows is accepted too)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"This is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    except (RecursionError, ValueError) as exc:
        # Too deeply nested, or a number too long to read.
        raise ImportFileError(f"This JSON cannot be read: {str(exc)[:200]}.") from None
    warnings = []
    if isinstance(data, dict):
        rows = data.get("rows")
        if not isinstance(rows, list):
            raise ImportFileError(
                'This JSON is not a FindTreatment.gov export: it has no "rows" list.'
            )
        pages = data.get("totalPages")
        if isinstance(pages, int) and not isinstance(pages, bool) and pages > 1:
            warnings.append(
                f"This file is page {data.get('page', '?')} of {pages} of the search; "
                "import the other pages too."
            )
    elif isinstance(data, list):
        rows = data
    else:
        raise ImportFileError(
            'This JSON is not a FindTreatment.gov export: expected an object with a "rows" list.'
        )
    _check_size(len(rows))
    results = []
    for number, row in enumerate(rows, start=1):
        result = RowResult(number=number)
        try:
            if not isinstance(row, dict):
                raise RowError("is not an object with facility fields")
            row = normalise_keys(row)
            result.name = _label_name(row.get("name1"))
            facility = facility_from_json(row)
            result.records = records_for(facility)
            result.notes = facility.notes
        except RowError as exc:
            result.error = str(exc)
        results.append(result)
    return ParsedFile(format="json", rows=_mark_duplicates(results), warnings=warnings)


def parse_csv(text: str) -> ParsedFile:
    """The spreadsheet download: address columns, then a 1-or-blank column per service code."""
    if "\x00" in text:
        raise ImportFileError("This is not a CSV file: it contains binary data.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise ImportFileError("This CSV file is empty.")
        columns = [column_key(cell) for cell in header]
        if "name1" not in columns:
            raise ImportFileError(
                "This CSV is not a FindTreatment.gov spreadsheet: it has no name1 column."
            )
        results: list[RowResult] = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            number = reader.line_num
            _check_size(len(results) + 1)
            result = RowResult(number=number)
            try:
                values = dict(zip(columns, row, strict=False))
                result.name = _label_name(values.get("name1"))
                if any(cell.strip() for cell in row[len(columns) :]):
                    raise RowError(f"has {len(row)} cells but the header has {len(columns)}")
                facility = facility_from_csv(values)
                result.records = records_for(facility)
                result.notes = facility.notes
            except RowError as exc:
                result.error = str(exc)
            results.append(result)
    except csv.Error as exc:
        message = f"This CSV cannot be read (line {reader.line_num}: {exc})."
        raise ImportFileError(message) from None
    return ParsedFile(format="csv", rows=_mark_duplicates(results))


def _label_name(value: Any) -> str:
    """The facility's name for the report line, when it has a usable one."""
    return clean_text(value)[:80] if isinstance(value, str) else ""


def _check_size(count: int) -> None:
    if count > MAX_ROWS:
        raise ImportFileError(f"This file has more than {MAX_ROWS:,} rows; split it up.")


def _mark_duplicates(results: list[RowResult]) -> list[RowResult]:
    """Skip a row whose programs an earlier row of the same file already gave."""
    seen: dict[tuple[str, ...], int] = {}
    for result in results:
        if result.error:
            continue
        first = next((seen[r.match_key()] for r in result.records if r.match_key() in seen), 0)
        if first:
            result.error = f"repeats row {first} (same facility and level)"
            result.records = []
            continue
        for record in result.records:
            seen[record.match_key()] = result.number
    return results
