"""The server-rendered web UI: dashboard, public report form and report tracking.

Jinja2 templates with htmx for inline updates (every page also works without JavaScript), charts
drawn on the server as inline SVG, Vietnamese by default with English available; every UI string
lives in :mod:`chanrac.web.i18n`. Numbers come from :mod:`chanrac.reports`, reports go through the
same :class:`chanrac.intake.service.IntakeService` as the API's.
"""
