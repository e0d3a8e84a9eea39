"""The one command: ``timeline run | tag | query | export | serve | runs``.

``query``, ``export`` and ``tag`` never import Prefect (its temporary server costs seconds per process);
``run`` and ``serve`` do, through flows/.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import click

DEFAULT_DB = "data/timeline.duckdb"
DEFAULT_SOURCES = ("data/sample",)
EXPORT_EXT = {"csv": "csv", "json": "json", "timelinejs": "timelinejs.csv", "timelinejs-json": "timelinejs.json",
              "html": "html", "timeml": None}


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="timeline")
def main() -> None:
    """Turn news articles into a deduplicated timeline of dated events.

    \b
    Typical use:
      timeline run data/sample            ingest a folder (Prefect flow) into data/timeline.duckdb
      timeline export --format csv        write the timeline as CSV
      timeline query timeline_between --param from=2024-03-01 --param to=2024-03-31
      timeline tag article.txt --dct 2024-03-15     show the dates found in one text
    """


# ---- run ---------------------------------------------------------------------------------------------

@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write.")
@click.option("--batch-size", default=200, show_default=True, help="Inputs per Prefect task.")
@click.option("--quiet", is_flag=True, help="No progress bar; only the summary line.")
def run(sources: tuple[Path, ...], db: str, batch_size: int, quiet: bool) -> None:
    """Ingest SOURCES (files or folders; default data/sample) with the Prefect flow.

    Files that did not change since the last run are skipped before any parsing; bad inputs are kept in
    the rejects table with the reason, and the run goes on.
    """
    from pipeline.sources import discover

    if not sources and not Path(DEFAULT_SOURCES[0]).is_dir():
        raise click.UsageError(f"no SOURCES given and there is no {DEFAULT_SOURCES[0]} folder here; "
                               "name the files or folders to ingest")
    srcs = [str(s) for s in (sources or DEFAULT_SOURCES)]
    total = len(discover(srcs))
    from flows import ingest as flow_module  # imports Prefect

    summary = _with_progress(lambda: flow_module.run_ingest(srcs, db=db, batch_size=batch_size),
                             total, quiet, flow_module.set_progress)
    click.echo(
        f"{summary['discovered']} inputs: {summary['ingested']} ingested, {summary['unchanged']} unchanged, "
        f"{summary['rejected']} rejected · {summary['articles']} new articles, {summary['mentions']} mentions, "
        f"{summary['events']} events · {summary['seconds']:.2f} s · {db}")
    if summary.get("inferred_anchors"):
        click.echo(f"{summary['inferred_anchors']} undated article(s) anchored from the dates other articles give "
                   f"the same happening (anchor_source = inferred)")
    if summary["unanchored"]:
        click.echo(f"{summary['unanchored']} article(s) have no publication date: their relative dates stay "
                   f"unresolved (timeline query unanchored_articles --db {db})")
    if summary["rejected"]:
        click.echo(f"rejected inputs and reasons: timeline query rejects --db {db}")


def _with_progress(fn, total, quiet, set_progress):  # type: ignore[no-untyped-def]
    if quiet or total == 0 or not sys.stderr.isatty():
        return fn()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("reading and tagging"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True) as progress:
        task_id = progress.add_task("inputs", total=total)
        set_progress(lambda: progress.advance(task_id))
        try:
            return fn()
        finally:
            set_progress(None)


# ---- tag ---------------------------------------------------------------------------------------------

@main.command()
@click.argument("file", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--dct", callback=_date, help="Publication date (anchor), YYYY-MM-DD. Without it, relative "
                                           "expressions stay unresolved.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "timeml", "table"]), default="table",
              show_default=True)
@click.option("--domain", type=click.Choice(["news", "narrative"]), default="news", show_default=True,
              help="news: relative dates count from the DCT; narrative: from the last date in the text.")
@click.option("--explain", is_flag=True, help="Show the rule, the underspecified value and the cue used.")
def tag(file, dct: date | None, fmt: str, domain: str, explain: bool) -> None:  # type: ignore[no-untyped-def]
    """Find and resolve the temporal expressions of FILE (or standard input)."""
    from pipeline.export import to_timeml
    from pipeline.temporal import tag as tag_text

    text = file.read()
    mentions = tag_text(text, dct, domain=domain)
    if fmt == "jsonl":
        for m in mentions:
            d = m.as_dict()
            click.echo(json.dumps({"start": d["start"], "end": d["end"], "text": d["text"], "type": d["type"],
                                   "value": d["value"], "mod": d["mod"], "start_date": d["start_date"],
                                   "end_date": d["end_date"], "grain": d["grain"], "rule": d["rule"],
                                   "anchor": d["anchor"], "tense": d["tense"], "reason": d["reason"],
                                   **({"underspecified": d["underspecified"]} if explain else {})},
                                  ensure_ascii=False))
    elif fmt == "timeml":
        click.echo(to_timeml(Path(getattr(file, "name", "stdin")).name, text, dct, mentions), nl=False)
    else:
        for m in mentions:
            line = f"{m.start:>6}-{m.end:<6} {m.text[:34]:<34} {m.type:<8} {m.value or '-':<20} {m.mod or '':<6}"
            if explain:
                line += f" {m.rule:<22} {m.underspecified:<40} anchor={m.anchor} tense={m.tense or '-'}"
            if m.reason:
                line += f"  ({m.reason})"
            click.echo(line.rstrip())


# ---- query -------------------------------------------------------------------------------------------

def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}: write parameters as name=value", param_hint="--param")
        k, val = v.split("=", 1)
        out[k.strip()] = val.strip()
    return out


def _print_frame(df, fmt: str) -> None:  # type: ignore[no-untyped-def]
    if fmt == "csv":
        click.echo(df.write_csv(), nl=False)
    elif fmt == "json":
        click.echo(df.write_json())
    else:
        import polars as pl

        with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=60, tbl_width_chars=200,
                       tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True):
            click.echo(df)
        click.echo(f"({df.height} row{'s' if df.height != 1 else ''})")


@main.command()
@click.argument("name_or_sql", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
def query(name_or_sql: str | None, db: str, params: tuple[str, ...], fmt: str, list_: bool) -> None:
    """Run a named query from sql/queries/ (see --list) or any SQL against the database."""
    from pipeline import store

    if list_ or not name_or_sql:
        for name in store.query_names():
            doc, defaults = store.query_doc(name)
            ps = " ".join(f"--param {k}={v or '…'}" for k, v in defaults.items())
            click.echo(f"{name:<22} {doc}" + (f"\n{'':<22} {ps}" if ps else ""))
        return
    try:
        df = store.run_query(db, name_or_sql, _params(params))
    except (KeyError, ValueError, FileNotFoundError) as e:
        raise click.ClickException(str(e).strip("'\"")) from None
    except Exception as e:  # a DuckDB error in the user's SQL: say it plainly
        raise click.ClickException(f"{e.__class__.__name__}: {e}") from None
    _print_frame(df, fmt)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--limit", default=20, show_default=True)
def runs(db: str, limit: int) -> None:
    """List past flow runs (newest first) with their counts."""
    from pipeline import store

    try:
        df = store.run_query(db, "runs", {"limit": str(limit)})
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None
    _print_frame(df, "table")


# ---- export ------------------------------------------------------------------------------------------

@main.command()
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_EXT)), default="csv", show_default=True)
@click.option("--from", "from_", callback=_date, help="First date (YYYY-MM-DD) to include.")
@click.option("--to", callback=_date, help="Last date (YYYY-MM-DD) to include.")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("-o", "--output", help="File to write ('-' for standard output); default data/exports/…; for "
                                     "timeml, a folder.")
@click.option("--title", default="Timeline", show_default=True, help="Title of the HTML/TimelineJS timeline.")
def export(fmt: str, from_: date | None, to: date | None, db: str, output: str | None, title: str) -> None:
    """Write the timeline (one row per entry, sorted by date) as CSV, JSON, TimelineJS, HTML or TimeML."""
    from pipeline import export as ex
    from pipeline import store

    params = {"from": (from_ or date(1, 1, 1)).isoformat(), "to": (to or date(9999, 12, 31)).isoformat()}
    if fmt == "timeml":
        _export_timeml(db, output or "data/exports/timeml", from_, to)
        return
    try:
        df = store.run_query(db, "timeline_between", params)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None
    rows = df.to_dicts()
    text = {"csv": ex.to_csv, "json": ex.to_json, "timelinejs": ex.to_timelinejs_csv,
            "timelinejs-json": lambda r: ex.to_timelinejs_json(r, title),
            "html": lambda r: ex.to_html(r, title)}[fmt](rows)
    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output or f"data/exports/timeline.{EXPORT_EXT[fmt]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    click.echo(f"{len(rows)} timeline entries -> {path}")


def _export_timeml(db: str, folder: str, from_: date | None, to: date | None) -> None:
    from pipeline import store
    from pipeline.export import to_timeml

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    arts = store.run_query(db, "SELECT article_id, source, published, text FROM articles ORDER BY source")
    by_article = store.mentions_by_article(store.run_query(db, "SELECT * FROM mentions"))
    n = 0
    for a in arts.iter_rows(named=True):
        if from_ and a["published"] and a["published"] < from_ or to and a["published"] and a["published"] > to:
            continue
        name = Path(a["source"].replace("#", "_")).stem + f"-{a['article_id'][:8]}.tml"
        (out / name).write_text(to_timeml(a["article_id"], a["text"], a["published"],
                                          by_article.get(a["article_id"], [])), encoding="utf-8")
        n += 1
    click.echo(f"{n} TimeML documents -> {out}/")


# ---- serve -------------------------------------------------------------------------------------------

NO_SERVER = ("Scheduled runs need a Prefect server: start one with `prefect server start` and set "
             "PREFECT_API_URL=http://127.0.0.1:4200/api, then run this command again.")


@main.command()
@click.option("--cron", required=True, help='Schedule, e.g. "*/15 * * * *" for every 15 minutes.')
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--name", default="timeline-scheduled", show_default=True, help="Deployment name.")
def serve(cron: str, sources: tuple[Path, ...], db: str, name: str) -> None:
    """Serve a deployment of the ingest flow on a cron schedule (needs a running Prefect server)."""
    api = os.environ.get("PREFECT_API_URL")
    if not api:
        raise click.ClickException(NO_SERVER)
    from flows import ingest as flow_module

    try:
        deployment = flow_module.build_deployment([str(s) for s in (sources or DEFAULT_SOURCES)], cron, db, name)
    except ValueError as e:  # pydantic's error for a cron string it cannot read
        raise click.BadParameter(f"{cron!r} is not a valid cron expression ({str(e).splitlines()[-1].strip()})",
                                 param_hint="--cron") from None
    import httpx

    try:
        httpx.get(api.rstrip("/") + "/health", timeout=5).raise_for_status()
    except httpx.HTTPError as e:
        raise click.ClickException(f"cannot reach the Prefect server at {api} ({e.__class__.__name__}); "
                                   "start it with `prefect server start` or correct PREFECT_API_URL") from None
    click.echo(f"serving deployment {name!r} on {cron!r} against {api} (Ctrl+C stops)")
    from prefect import serve as prefect_serve

    prefect_serve(deployment, pause_on_shutdown=False)


if __name__ == "__main__":
    main()
