"""The pages: ``/`` dashboard, ``/report`` public form, ``/track`` lookup and status, ``/static`` files.

The language is ``?lang=`` (which also sets a cookie, so a switch sticks), else the cookie, else the
configured default (Vietnamese). Mistakes in what a visitor typed come back as the same page with
the message next to the field and a 4xx status; nothing a visitor types can cause a 500.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from pydantic import ValidationError

from chanrac import __version__
from chanrac.api.deps import IntakeDep, SessionDep, SettingsDep, public_rate_limit
from chanrac.config import MAX_FIELD_CHARS, MAX_TEXT_CHARS
from chanrac.geo import BY_CODE, PROVINCES
from chanrac.intake.schemas import ReportIn
from chanrac.law import REPORT_SHORT_CODES
from chanrac.model import Channel, ReportKind, normalise_tracking_code
from chanrac.reports import MAX_DAYS, UNKNOWN, Count, StatsQuery, compute_stats
from chanrac.web.charts import DayBar, bar_chart, day_chart
from chanrac.web.i18n import LANGUAGES, Translator, pick_language

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}
LANG_COOKIE = "lang"
DAY_CHOICES = (7, 30, 90, 365)
FORM_FIELDS = ("kind", "sender", "text", "recipient", "reporter", "province")

# Scripts and styles only from this server; no inline script, no framing, forms post only here.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(("html",)),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


# -- rendering ------------------------------------------------------------------------------------
def translator(request: Request, default_language: str) -> Translator:
    return Translator(
        pick_language(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE), default_language)
    )


def _url_with(request: Request, **changes: str) -> str:
    params = dict(request.query_params)
    params.update(changes)
    return f"{request.url.path}?{urlencode(params)}"


def render(request: Request, t: Translator, name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = templates.get_template(name).render(
        t=t,
        lang=t.language,
        languages=LANGUAGES,
        lang_urls={code: _url_with(request, lang=code) for code in LANGUAGES},
        path=request.url.path,
        version=__version__,
        short_codes=" / ".join(REPORT_SHORT_CODES.value),  # type: ignore[arg-type]
        **context,
    )
    response = HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
    chosen = request.query_params.get("lang", "").strip().lower()
    if chosen in LANGUAGES:
        response.set_cookie(LANG_COOKIE, chosen, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def _is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def error_page(request: Request, t: Translator, status_code: int, message: str) -> HTMLResponse:
    return render(request, t, "error.html", status_code=status_code, message=message)


# -- dashboard ------------------------------------------------------------------------------------
def _operator_label(t: Translator, value: str) -> str:
    from chanrac.phone import Operator

    try:
        return Operator(value).display_name
    except ValueError:
        return t.label("operator", None if value == UNKNOWN else value)


def _province_label(t: Translator, code: str) -> str:
    province = BY_CODE.get(code)
    if province is None:
        return t.label("province", None if code == UNKNOWN else code)
    return province.name_vi if t.language == "vi" else province.name_en


def _labelled(counts: list[Count], name: Any) -> list[tuple[str, int]]:
    return [(name(c.key), c.count) for c in counts]


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    days: Annotated[str, Query(max_length=8)] = "30",
) -> Response:
    t = translator(request, settings.language)
    if not days.strip().isdigit() or not 1 <= int(days) <= MAX_DAYS:
        return error_page(request, t, 400, t("error.days", max=MAX_DAYS, value=days))
    stats = compute_stats(session, StatsQuery(days=int(days), top=10, recent=15))
    number = t.number
    charts: dict[str, Any] = {}
    tables: dict[str, list[tuple[str, int]]] = {
        "by_category": _labelled(stats.by_category, lambda k: t.label("category", None if k == UNKNOWN else k)),
        "by_operator": _labelled(stats.by_operator, lambda k: _operator_label(t, k)),
        "by_province": _labelled(stats.by_province, lambda k: _province_label(t, k)),
        "by_channel": _labelled(stats.by_channel, lambda k: t.label("channel", None if k == UNKNOWN else k)),
    }
    for name, rows in tables.items():
        charts[name] = bar_chart(
            rows, chart_id=f"chart-{name.replace('_', '-')}", title=t(f"chart.{name}"), number=number
        )
    day_bars = [DayBar(d.day, d.reports, d.spam) for d in stats.by_day]
    charts["by_day"] = day_chart(
        day_bars,
        chart_id="chart-by-day",
        title=t("chart.by_day"),
        description=t("chart.by_day.desc"),
        number=number,
        day_label=t.short_day,
        bar_title=lambda b: t("chart.day_title", day=t.day(b.day), reports=number(b.total), spam=number(b.highlighted)),
    )
    choices = sorted({*DAY_CHOICES, stats.days})
    return render(
        request,
        t,
        "dashboard.html",
        stats=stats,
        charts=charts,
        tables=tables,
        day_choices=choices,
        operator_label=lambda k: _operator_label(t, k or UNKNOWN),
    )


# -- report form ----------------------------------------------------------------------------------
def _form_context(values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    return {
        "values": values,
        "errors": errors,
        "kinds": [k.value for k in ReportKind],
        "provinces": PROVINCES,
        "max_text": MAX_TEXT_CHARS,
        "max_field": MAX_FIELD_CHARS,
    }


def form_errors(exc: ValidationError, t: Translator) -> dict[str, str]:
    """The first problem of each field, in the visitor's language."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        loc = err.get("loc") or ("text",)
        field, kind = str(loc[0]), err["type"]
        if field in errors:
            continue
        limit = (err.get("ctx") or {}).get("max_length")
        if kind == "string_too_long" and limit is not None:
            message = t("error.too_long", max=t.number(int(limit)))
        elif field == "text":
            message = t("error.text.missing")
        elif field == "sender":
            message = t("error.sender.invalid")
        elif field in ("reporter", "recipient"):
            message = t("error.phone.invalid")
        elif field == "province":
            message = t("error.province.invalid")
        elif field == "kind":
            message = t("error.kind.invalid")
        else:
            message = t("error.invalid")
        if kind == "value_error" and t.language == "en" and field != "text":
            message += " " + t("error.detail", detail=str(err.get("msg", "")).removeprefix("Value error, "))
        errors[field] = message
    return errors


@router.get("/report", response_class=HTMLResponse)
def report_form(request: Request, settings: SettingsDep) -> Response:
    t = translator(request, settings.language)
    values = {name: "" for name in FORM_FIELDS} | {"kind": ReportKind.SPAM_SMS.value}
    return render(request, t, "report.html", **_form_context(values, {}))


@router.post("/report", response_class=HTMLResponse)
def submit_report(
    request: Request,
    settings: SettingsDep,
    intake: IntakeDep,
    kind: Annotated[str, Form(max_length=32)] = ReportKind.SPAM_SMS.value,
    sender: Annotated[str, Form(max_length=MAX_FIELD_CHARS * 4)] = "",
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS * 4)] = "",
    recipient: Annotated[str, Form(max_length=MAX_FIELD_CHARS * 4)] = "",
    reporter: Annotated[str, Form(max_length=MAX_FIELD_CHARS * 4)] = "",
    province: Annotated[str, Form(max_length=MAX_FIELD_CHARS * 4)] = "",
) -> Response:
    t = translator(request, settings.language)
    values = {
        "kind": kind,
        "sender": sender,
        "text": text,
        "recipient": recipient,
        "reporter": reporter,
        "province": province,
    }
    payload: dict[str, Any] = {name: value for name, value in values.items() if value.strip()}
    payload["channel"] = Channel.WEB.value
    try:
        report = ReportIn.model_validate(payload)
    except ValidationError as exc:
        context = _form_context(values, form_errors(exc, t))
        if _is_htmx(request):
            return render(request, t, "_report_form.html", status_code=422, **context)
        return render(request, t, "report.html", status_code=422, **context)
    limited = public_rate_limit(request)
    if limited is not None:
        context = _form_context(values, {"text": t("error.too_many", seconds=limited.retry_after)})
        template = "_report_form.html" if _is_htmx(request) else "report.html"
        response = render(request, t, template, status_code=429, **context)
        response.headers["Retry-After"] = str(limited.retry_after)
        return response
    receipt = intake.submit(report)
    target = f"/track/{receipt.tracking_code}?" + urlencode({"sent": "duplicate" if receipt.duplicate else "new"})
    if _is_htmx(request):
        # A full page load: the visitor lands on a page of its own, with its own address to bookmark.
        return Response(status_code=200, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


# -- tracking -------------------------------------------------------------------------------------
@router.get("/track", response_class=HTMLResponse)
def track_lookup(
    request: Request, settings: SettingsDep, code: Annotated[str | None, Query(max_length=64)] = None
) -> Response:
    t = translator(request, settings.language)
    if code is None or not code.strip():
        return render(request, t, "track_lookup.html", code="", error=None)
    canonical = normalise_tracking_code(code)
    if canonical is None:
        return render(request, t, "track_lookup.html", status_code=400, code=code, error=t("track.invalid", code=code))
    return RedirectResponse(f"/track/{canonical}", status_code=303)


@router.get("/track/{code}", response_class=HTMLResponse)
def track(
    request: Request,
    code: str,
    settings: SettingsDep,
    intake: IntakeDep,
    sent: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    t = translator(request, settings.language)
    canonical = normalise_tracking_code(code[:64])
    if canonical is None:
        return render(
            request, t, "track_lookup.html", status_code=400, code=code[:64], error=t("track.invalid", code=code[:64])
        )
    row = intake.status(canonical)
    if row is None:
        return render(
            request, t, "track_lookup.html", status_code=404, code=canonical, error=t("track.not_found", code=canonical)
        )
    if canonical != code:
        return RedirectResponse(f"/track/{canonical}", status_code=308)
    signals = sorted(row.verdict_signals or [], key=lambda s: -abs(float(s.get("score", 0))))
    return render(
        request,
        t,
        "track.html",
        report=row,
        signals=signals,
        sent=sent if sent in ("new", "duplicate") else None,
        flag_threshold=settings.flag_threshold,
        block_threshold=settings.block_threshold,
    )


# -- static files ---------------------------------------------------------------------------------
@router.get("/static/{name}")
def static(name: str) -> Response:
    """The few files in static/: a flat directory, so a name with a path in it is simply unknown."""
    path = STATIC_DIR / name
    media_type = STATIC_TYPES.get(path.suffix)
    if "/" in name or "\\" in name or name.startswith(".") or media_type is None or not path.is_file():
        return Response(f"no static file {name!r}", status_code=404, media_type="text/plain")
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})
