"""Read one input into articles: plain text and Markdown (optional YAML front matter), HTML, JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from pipeline.model import Article
from pipeline.sources.base import MAX_BYTES, Input, Reject, SourceResult, decode_text, parse_published
from pipeline.sources.html import read_page
from pipeline.text import normalise

_TEXT_KEYS = ("text", "body", "content", "article")
_DATE_KEYS = ("published", "date", "published_at", "pubdate", "datetime")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site")


def _first(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        if d.get(k) not in (None, ""):
            return d[k]
    return None


def _front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    if not text.startswith("---\n"):
        return {}, text, None
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text, "front matter opened with '---' but never closed; kept as text"
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as e:
        return {}, text[end + 4:], f"front matter is not valid YAML ({e.__class__.__name__}); ignored"
    if not isinstance(meta, dict):
        return {}, text[end + 4:], "front matter is not a mapping; ignored"
    return {str(k).lower(): v for k, v in meta.items()}, text[end + 4:], None


def _article(text: str, source: str, meta_layers: list[tuple[str, dict[str, Any]]],
             warnings: list[str]) -> Article | Reject:
    """Merge metadata layers (first wins) and build the article; an empty text is a reject."""
    body = normalise(text)
    if not body:
        return Reject(source, "no text after normalisation (only white space or markup)")
    published, anchor_source = None, "none"
    title = outlet = url = None
    for layer_name, layer in meta_layers:
        raw_date = _first(layer, _DATE_KEYS)
        if published is None and raw_date not in (None, ""):
            d, problem = parse_published(str(raw_date))
            if problem:
                warnings.append(f"{layer_name}: {problem}; not used as the anchor")
            else:
                published, anchor_source = d, layer_name
        title = title or layer.get("title") or None
        outlet = outlet or _first(layer, _OUTLET_KEYS)
        url = url or layer.get("url") or layer.get("link") or None
    if title is None:
        first_line = body.split("\n", 1)[0].strip()
        title = first_line[:200] if 0 < len(first_line) <= 200 else None
    return Article(body, source, published, anchor_source, _s(title), _s(outlet), _s(url), tuple(warnings))


def _s(v: Any) -> str | None:
    return None if v in (None, "") else str(v).strip()


def read_input(inp: Input, data: bytes | None = None) -> SourceResult:
    """Articles from one input, or rejects saying exactly what was wrong with it."""
    res = SourceResult()
    if inp.problem:
        res.rejects.append(Reject(inp.path, inp.problem))
        return res
    path = Path(inp.path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            res.rejects.append(Reject(inp.path, f"file too large: {size / 1e6:.1f} MB, the limit is "
                                                f"{MAX_BYTES / 1e6:.0f} MB per input"))
            return res
        if data is None:
            data = path.read_bytes()
    except OSError as e:
        res.rejects.append(Reject(inp.path, f"cannot read file: {e.strerror or e}"))
        return res
    text, problem = decode_text(data)
    if problem:
        res.rejects.append(Reject(inp.path, problem))
        return res
    assert text is not None
    manifest = ("manifest", inp.meta) if inp.meta else None
    try:
        if inp.kind in ("txt", "md"):
            fm, body, warn = _front_matter(text.replace("\r\n", "\n"))
            layers = [x for x in (manifest, ("front-matter", fm)) if x]
            item = _article(body, inp.path, layers, [warn] if warn else [])
            (res.articles if isinstance(item, Article) else res.rejects).append(item)  # type: ignore[arg-type]
        elif inp.kind == "html":
            page = read_page(text)
            if not page.text:
                res.rejects.append(Reject(inp.path, "no article text found in the HTML page "
                                                    "(broken, empty or all navigation)"))
                return res
            meta = {"published": page.published, "title": page.title, "outlet": page.outlet, "url": page.url}
            layers = [x for x in (manifest, ("html-meta", meta)) if x]
            item = _article(page.text, inp.path, layers, [])
            (res.articles if isinstance(item, Article) else res.rejects).append(item)  # type: ignore[arg-type]
        elif inp.kind == "jsonl":
            _read_jsonl(inp, text, manifest, res)
        else:
            res.rejects.append(Reject(inp.path, f"no reader for input kind {inp.kind!r}"))
    except Exception as e:  # a reader bug must not stop the run: the input is kept with the error
        res.rejects.append(Reject(inp.path, f"reader failed: {e.__class__.__name__}: {e}"))
    return res


def _read_jsonl(inp: Input, text: str, manifest: tuple[str, dict[str, Any]] | None, res: SourceResult) -> None:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{inp.path}#L{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            res.rejects.append(Reject(source, f"line {n} is not valid JSON: {e.msg} at column {e.colno}"))
            continue
        if not isinstance(obj, dict):
            res.rejects.append(Reject(source, f"line {n} is a JSON {type(obj).__name__}, not an object"))
            continue
        obj = {str(k).lower(): v for k, v in obj.items()}
        body = _first(obj, _TEXT_KEYS)
        if not isinstance(body, str) or not body.strip():
            res.rejects.append(Reject(source, f"line {n} has no article text (looked for "
                                              f"{', '.join(_TEXT_KEYS)})"))
            continue
        layers = [("jsonl", obj)] + ([manifest] if manifest else [])
        item = _article(body, source, layers, [])
        (res.articles if isinstance(item, Article) else res.rejects).append(item)  # type: ignore[arg-type]
