"""What a run looks at: files given directly, and folders (with an optional manifest.csv)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.sources.base import Input

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".jsonl": "jsonl", ".ndjson": "jsonl"}
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published", "outlet", "title", "url")


def _kind(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def read_manifest(folder: Path) -> tuple[dict[str, dict[str, str]], list[Input]]:
    """Manifest rows by file name, and inputs for rows that name files which do not exist."""
    path = folder / MANIFEST
    if not path.exists():
        return {}, []
    rows: dict[str, dict[str, str]] = {}
    problems: list[Input] = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}, [Input(str(path.resolve()), "manifest", problem="manifest.csv is not valid UTF-8")]
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
        return {}, [Input(str(path.resolve()), "manifest", problem="manifest.csv has no 'file' column")]
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        name = row.get("file", "")
        if not name:
            problems.append(Input(f"{path.resolve()}#row{n}", "manifest",
                                  problem=f"manifest row {n} has an empty 'file' cell"))
            continue
        target = (folder / name)
        if not target.exists():
            problems.append(Input(str(target.resolve()), "missing", meta=row,
                                  problem=f"manifest row {n} names {name!r}, which does not exist"))
            continue
        rows[name] = row
    return rows, problems


def discover(sources: list[str | Path]) -> list[Input]:
    """Every input under the given files and folders, sorted; manifest.csv itself is not an input."""
    found: list[Input] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            manifest, problems = read_manifest(p)
            found.extend(problems)
            for f in sorted(p.rglob("*")):
                if not f.is_file() or f.name == MANIFEST or any(part.startswith(".") for part in
                                                                 f.relative_to(p).parts):
                    continue
                rel = f.relative_to(p).as_posix()
                meta = manifest.get(rel, manifest.get(f.name, {}))
                kind = _kind(f)
                if kind is None:
                    found.append(Input(str(f.resolve()), "unsupported", meta,
                                       problem=f"unsupported file type {f.suffix or '(no extension)'}; "
                                               f"expected one of {', '.join(sorted(SUPPORTED))}"))
                else:
                    found.append(Input(str(f.resolve()), kind, meta))
        elif p.is_file():
            kind = _kind(p)
            if kind is None:
                found.append(Input(str(p.resolve()), "unsupported",
                                   problem=f"unsupported file type {p.suffix or '(no extension)'}"))
            else:
                meta, _ = read_manifest(p.parent)
                found.append(Input(str(p.resolve()), kind, meta.get(p.name, {})))
        else:
            found.append(Input(str(p.resolve()), "missing", problem="no such file or folder"))
    seen: set[str] = set()
    unique = []
    for i in found:
        if i.path not in seen:
            seen.add(i.path)
            unique.append(i)
    return unique
