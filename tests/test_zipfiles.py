"""The deterministic zip writer: archives that zipfile reads back exactly."""

from __future__ import annotations

import io
import zipfile

import pytest

from generator.opendata.zipfiles import zip_bytes

FILES = {
    "tables/metrics.csv": b"practice_id,value\n" + b"venlo,26\n" * 400,  # deflated
    "datapackage.json": '{"title": "Één voorbeeld"}\n'.encode("utf-8"),  # stored: small
    "leeg.txt": b"",
    "schema/codelists/thema.csv": "code,label_nl\nwerk,Werk en één\n".encode("utf-8"),
}


def test_zip_reads_back_exactly_with_fixed_metadata():
    data = zip_bytes(FILES, "2026-03-01")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == sorted(FILES)
        assert {name: archive.read(name) for name in archive.namelist()} == FILES
        for info in archive.infolist():
            assert info.date_time == (2026, 3, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644 and info.create_system == 3
        methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods["tables/metrics.csv"] == zipfile.ZIP_DEFLATED
    assert methods["datapackage.json"] == zipfile.ZIP_STORED


def test_same_files_same_bytes_in_any_order():
    assert zip_bytes(FILES, "2026-03-01") == zip_bytes(dict(reversed(FILES.items())), "2026-03-01")
    assert zip_bytes(FILES, "2026-03-01") != zip_bytes(FILES, "2026-03-02")


def test_unicode_names_are_marked_utf8():
    with zipfile.ZipFile(io.BytesIO(zip_bytes({"één.csv": b"a\n"}, "2026-01-01"))) as archive:
        assert archive.namelist() == ["één.csv"]


def test_empty_archive_is_valid():
    with zipfile.ZipFile(io.BytesIO(zip_bytes({}, "2026-01-01"))) as archive:
        assert archive.namelist() == []


@pytest.mark.parametrize("date", ["1979-12-31", "2026-13-01"])
def test_dates_a_zip_cannot_hold_are_refused(date):
    with pytest.raises(ValueError):
        zip_bytes(FILES, date)
