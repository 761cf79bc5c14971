"""Charts drawn on the server as SVG: no script, no chart library in the browser.

Each function returns the ``<svg>`` element of one chart, ready for a template;
the template gives it its caption, its summary in words and its data table, so
that the chart itself is one more way of reading numbers the page also states
(WCAG 1.1.1). The ``<svg>`` is an image named by its ``<title>`` and described by
its ``<desc>``. Colours come from classes (``static/css/site.css``): the
Content-Security-Policy allows no inline style.

Text is drawn at a size that stays readable once the chart is scaled to a phone's
width: the charts are ``WIDTH`` units wide and shown at most a little wider.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 480
FONT = 14
LABEL_CHARS = 58
BAR_HEIGHT = 18
ROW_GAP = 10


def _number(value):
    return number_format(value, force_grouping=True)


def _shorten(text, limit=LABEL_CHARS):
    """At most ``limit`` characters, cut on a word and marked with an ellipsis."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _svg(chart_id, title, description, height, body):
    return mark_safe(  # noqa: S308 - every text below is escaped
        f'<svg class="chart-svg" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
        f"{''.join(body)}</svg>"
    )


def bar_chart(chart_id, title, description, rows, value_label=_number):
    """Horizontal bars, one per (label, value), each label written above its bar.

    ``value_label`` writes the number shown at the end of each bar.
    """
    rows = list(rows)
    largest = max((value for _, value in rows), default=0) or 1
    value_room = 90
    row_height = FONT + 4 + BAR_HEIGHT + ROW_GAP
    body = []
    for index, (label, value) in enumerate(rows):
        top = index * row_height
        width = (WIDTH - value_room) * value / largest
        body.append(
            f'<text class="chart-label" x="0" y="{top + FONT}">{escape(_shorten(label))}</text>'
            f'<rect class="bar series-0" x="0" y="{top + FONT + 4}" '
            f'width="{max(width, 1 if value else 0):.1f}" height="{BAR_HEIGHT}"/>'
            f'<text class="chart-value" x="{width + 6:.1f}" '
            f'y="{top + FONT + 4 + BAR_HEIGHT - 4}">{escape(value_label(value))}</text>'
        )
    return _svg(chart_id, title, description, max(len(rows) * row_height, row_height), body)


def stacked_bar_chart(chart_id, title, description, rows, series):
    """Horizontal bars, one per (label, {series key: value}), split into ``series``.

    ``series`` is a list of (key, name) in drawing order; segment *i* takes the class
    ``series-i``, as the legend the template writes does.
    """
    rows = list(rows)
    largest = max((sum(values.values()) for _, values in rows), default=0) or 1
    value_room = 80
    row_height = FONT + 4 + BAR_HEIGHT + ROW_GAP
    body = []
    for index, (label, values) in enumerate(rows):
        top = index * row_height
        left = 0.0
        for position, (key, name) in enumerate(series):
            value = values.get(key, 0)
            if not value:
                continue
            width = (WIDTH - value_room) * value / largest
            body.append(
                f'<rect class="bar series-{position}" x="{left:.1f}" y="{top + FONT + 4}" '
                f'width="{width:.1f}" height="{BAR_HEIGHT}">'
                f"<title>{escape(label)}: {escape(name)}, {escape(_number(value))}</title></rect>"
            )
            left += width
        total = sum(values.values())
        body.append(
            f'<text class="chart-label" x="0" y="{top + FONT}">{escape(_shorten(label))}</text>'
            f'<text class="chart-value" x="{left + 6:.1f}" '
            f'y="{top + FONT + 4 + BAR_HEIGHT - 4}">{escape(_number(total))}</text>'
        )
    return _svg(chart_id, title, description, max(len(rows) * row_height, row_height), body)


def histogram(chart_id, title, description, bins, marker_after, marker_label, axis_label):
    """Vertical bars of counts over consecutive bins, with a line marking a limit.

    ``bins`` are (label, count, is_past_marker, upper edge or None); the line is drawn
    after the bin at index ``marker_after``, and bins past it take the class
    ``past-limit``. Upper edges that are multiples of 15 are written under the axis.
    """
    bins = list(bins)
    height = 260
    top_room = 40
    bottom_room = 48
    plot_height = height - top_room - bottom_room
    largest = max((count for _, count, _, _ in bins), default=0) or 1
    step = WIDTH / max(len(bins), 1)
    tick_y = height - bottom_room + FONT + 4
    body = [
        f'<line class="axis" x1="0" y1="{height - bottom_room}" x2="{WIDTH}" '
        f'y2="{height - bottom_room}"/>',
        f'<text class="chart-tick" x="0" y="{tick_y}">0</text>',
    ]
    for index, (label, count, past, edge) in enumerate(bins):
        bar = plot_height * count / largest
        x = index * step
        css = "bar past-limit" if past else "bar series-0"
        body.append(
            f'<rect class="{css}" x="{x + 1:.1f}" y="{height - bottom_room - bar:.1f}" '
            f'width="{step - 2:.1f}" height="{bar:.1f}">'
            f"<title>{escape(label)}: {escape(_number(count))}</title></rect>"
        )
        if edge is not None and edge % 15 == 0:
            body.append(
                f'<text class="chart-tick" x="{x + step:.1f}" y="{tick_y}" '
                f'text-anchor="middle">{edge}</text>'
            )
    marker_x = (marker_after + 1) * step
    body.append(
        f'<line class="limit" x1="{marker_x:.1f}" y1="{top_room - 14}" x2="{marker_x:.1f}" '
        f'y2="{height - bottom_room}"/>'
        f'<text class="chart-label limit-label" x="{marker_x + 4:.1f}" y="{top_room - 18}">'
        f"{escape(marker_label)}</text>"
        f'<text class="chart-tick" x="0" y="{height - 8}">{escape(axis_label)}</text>'
    )
    return _svg(chart_id, title, description, height, body)
