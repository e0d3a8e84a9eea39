"""Exports of the timeline: CSV (the main one), JSON, TimelineJS, TimeML per article, a self-contained HTML page.

Each takes rows already read from DuckDB (plain Python), so it can be tested with a few hand-made rows.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.model import Mention

CSV_COLUMNS = ("date", "start_date", "end_date", "grain", "what", "actors", "n_sources", "outlets", "articles",
               "sentence", "conflicts")
TIMELINEJS_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                      "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                      "Media Thumbnail", "Type", "Group", "Background")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, list | tuple):
        return "; ".join(str(x) for x in v)
    return str(v)


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """RFC 4180 CSV with a header, CRLF line ends and every text cell quoted: spreadsheets open it as is."""
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow([r.get(c) if c == "n_sources" else _cell(r.get(c)) for c in CSV_COLUMNS])
    return buf.getvalue()


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps([{c: (r.get(c) if c == "n_sources" else _cell(r.get(c)) or None) for c in CSV_COLUMNS}
                       for r in rows], ensure_ascii=False, indent=2) + "\n"


def display_date(value: str, start: date, end: date, grain: str) -> str:
    if grain in ("day", "part-of-day", "hour", "minute"):
        out = start.strftime("%-d %B %Y")
        if "T" in value:
            out += " " + value.split("T", 1)[1]
        return out
    if grain == "month":
        return start.strftime("%B %Y")
    if grain == "year":
        return str(start.year)
    if grain in ("week", "weekend"):
        return f"{'weekend of ' if grain == 'weekend' else 'week of '}{start.strftime('%-d %B %Y')}"
    if grain == "span":  # a feast of many days: "1–29 March 2025", "11 March – 9 April 2024"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.strftime('%-d %B %Y')}"
        if start.year == end.year:
            return f"{start.strftime('%-d %B')} – {end.strftime('%-d %B %Y')}"
        return f"{start.strftime('%-d %B %Y')} – {end.strftime('%-d %B %Y')}"
    season = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
    if grain == "season":
        return f"{season.get(value[5:], value[5:])} {value[:4]}"
    if grain == "quarter":
        return f"{value[5:]} {value[:4]}"
    if grain == "decade":
        return f"the {value}0s"
    return value


def _partial(d: date, grain: str) -> tuple[str, str, str]:
    """Year, Month, Day cells with the partial date kept partial (TimelineJS accepts year or year-month)."""
    if grain in ("year", "decade", "century"):
        return str(d.year), "", ""
    if grain in ("month", "season", "quarter", "half"):
        return str(d.year), str(d.month), ""
    return str(d.year), str(d.month), str(d.day)


def timelinejs_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, str]]:
    out = []
    for r in rows:
        grain, value = r["grain"], r["date"]
        y, m, d = _partial(r["start_date"], grain)
        ey, em, ed = _partial(r["end_date"], grain) if r["end_date"] != r["start_date"] and grain in (
            "week", "weekend", "span", "season", "quarter", "half", "decade", "century") else ("", "", "")
        time = value.split("T", 1)[1][:5] if "T" in value and ":" in value else ""  # zone stays in Display Date
        sources = f"{r.get('n_sources', 1)} source(s): {_cell(r.get('outlets'))}"
        out.append({
            "Year": y, "Month": m, "Day": d, "Time": time, "End Year": ey, "End Month": em, "End Day": ed,
            "End Time": "", "Display Date": display_date(value, r["start_date"], r["end_date"], grain),
            "Headline": _cell(r.get("what")),
            "Text": f"{html.escape(_cell(r.get('sentence')))}<br><small>{html.escape(sources)}</small>",
            "Media": "", "Media Credit": "", "Media Caption": "", "Media Thumbnail": "", "Type": "",
            "Group": "", "Background": "",
        })
    return out


def to_timelinejs_csv(rows: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=TIMELINEJS_COLUMNS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(timelinejs_rows(rows))
    return buf.getvalue()


def to_timelinejs_json(rows: Sequence[dict[str, Any]], title: str = "Timeline") -> str:
    """TimelineJS's JSON format: {"title": ..., "events": [{"start_date": {...}, "text": {...}}]}."""
    events = []
    for t in timelinejs_rows(rows):
        start = {k: v for k, v in (("year", t["Year"]), ("month", t["Month"]), ("day", t["Day"])) if v}
        ev: dict[str, Any] = {"start_date": start, "display_date": t["Display Date"],
                              "text": {"headline": t["Headline"], "text": t["Text"]}}
        end = {k: v for k, v in (("year", t["End Year"]), ("month", t["End Month"]), ("day", t["End Day"])) if v}
        if end:
            ev["end_date"] = end
        events.append(ev)
    return json.dumps({"title": {"text": {"headline": title}}, "events": events}, ensure_ascii=False,
                      indent=2) + "\n"


def to_timeml(doc_id: str, text: str, dct: date | None, mentions: Sequence[Mention]) -> str:
    """A TimeML document: DCT as tid t0, a TIMEX3 (tid, type, value, mod) around each mention."""
    parts = []
    pos = 0
    for i, m in enumerate(sorted(mentions, key=lambda m: m.start), start=1):
        if m.start < pos:
            continue
        attrs = f'tid="t{i}" type="{m.type}" value="{html.escape(m.value or "", quote=True)}"'
        if m.mod:
            attrs += f' mod="{m.mod}"'
        parts.append(html.escape(text[pos:m.start], quote=False))
        parts.append(f"<TIMEX3 {attrs}>{html.escape(m.text, quote=False)}</TIMEX3>")
        pos = m.end
    parts.append(html.escape(text[pos:], quote=False))
    dct_value = dct.isoformat() if dct else ""
    dct_text = dct.strftime("%Y%m%d") if dct else ""
    return ('<?xml version="1.0" ?>\n<TimeML>\n'
            f"<DOCID>{html.escape(doc_id)}</DOCID>\n\n"
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct_value}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct_text}</TIMEX3></DCT>\n\n'
            f"<TEXT>\n{''.join(parts)}\n</TEXT>\n\n</TimeML>\n")


def to_html(rows: Sequence[dict[str, Any]], title: str = "Timeline") -> str:
    """One self-contained page (inline CSS and JS, no network): entries on a date axis, sources, zoom."""
    data = [{"date": r["date"], "start": _cell(r["start_date"]), "end": _cell(r["end_date"]), "grain": r["grain"],
             "display": display_date(r["date"], r["start_date"], r["end_date"], r["grain"]),
             "what": _cell(r.get("what")), "actors": _cell(r.get("actors")), "n": r.get("n_sources", 1),
             "outlets": _cell(r.get("outlets")), "articles": _cell(r.get("articles")),
             "sentence": _cell(r.get("sentence")), "conflicts": _cell(r.get("conflicts"))} for r in rows]
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    template = (Path(__file__).parent / "timeline_page.html").read_text(encoding="utf-8")
    return template.replace("__TITLE__", html.escape(title)).replace("__DATA__", payload)
