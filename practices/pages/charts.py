"""Geometry for the server-rendered SVG charts (no charting library, nothing from a CDN).

Functions here turn [(label, value)] series into positioned shapes in a fixed viewBox; the
templates in templates/partials/chart_*.html draw them. Every chart is accompanied by a data
table in its template, so the SVG itself is one labelled image for assistive technology.
"""
import math
from dataclasses import dataclass


def nice_ceiling(value):
    """The smallest 1, 2 or 5 x 10^k at or above `value` (at least 1): a readable step."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def axis(largest, steps=5):
    """(top, step) of a value axis for data up to `largest`: a round step (1, 2 or 5 x 10^k)
    giving at most `steps` intervals, and the first multiple of it at or above `largest`."""
    step = nice_ceiling(largest / steps)
    top = max(step, math.ceil(largest / step) * step)
    return top, step


@dataclass
class Column:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    show_label: bool


@dataclass
class ColumnChart:
    width: int
    height: int
    plot_left: int
    plot_top: int
    plot_bottom: int
    plot_right: int
    columns: list
    gridlines: list  # [(y, value)]
    top: int


def column_chart(series, width=480, height=200, top=None, label_every=None):
    """Vertical columns, one per (label, value), left to right. `top` fixes the scale (shared
    between small multiples, from `axis`); otherwise it comes from the largest value. Only every
    `label_every`-th label is shown on the axis when there are many columns."""
    left, right, upper, lower = 36, 8, 10, 24
    plot_width = width - left - right
    plot_height = height - upper - lower
    if top is None:
        top, step = axis(max((value for _label, value in series), default=0))
    else:
        step = axis(top)[1]
    count = len(series) or 1
    slot = plot_width / count
    if label_every is None:
        label_every = max(1, math.ceil(count / 8))
    columns = []
    for index, (label, value) in enumerate(series):
        bar_height = plot_height * value / top
        x = left + index * slot + slot * 0.15
        columns.append(Column(
            label=str(label), value=value,
            x=round(x, 2), y=round(upper + plot_height - bar_height, 2),
            width=round(slot * 0.7, 2), height=round(bar_height, 2),
            label_x=round(left + index * slot + slot / 2, 2),
            show_label=index % label_every == 0 or index == count - 1,
        ))
    gridlines = [
        (round(upper + plot_height - plot_height * value / top, 2), value)
        for value in range(0, top + 1, step)
    ]
    return ColumnChart(
        width=width, height=height, plot_left=left, plot_top=upper,
        plot_bottom=upper + plot_height, plot_right=width - right,
        columns=columns, gridlines=gridlines, top=top,
    )


@dataclass
class Bar:
    label: str
    value: int
    y: float
    width: float
    height: float
    text_y: float


@dataclass
class BarChart:
    width: int
    height: int
    label_width: int
    bars: list
    bar_area: int


def bar_chart(series, width=480, row_height=26, label_width=170):
    """Horizontal bars, one row per (label, value), with the label at the left and the value at
    the end of the bar."""
    value_room = 48
    bar_area = width - label_width - value_room
    top = max((value for _label, value in series), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(series):
        y = index * row_height + 4
        bars.append(Bar(
            label=str(label), value=value, y=y,
            width=round(bar_area * value / top, 2), height=row_height - 8,
            text_y=y + (row_height - 8) / 2,
        ))
    return BarChart(
        width=width, height=len(series) * row_height + 8, label_width=label_width,
        bars=bars, bar_area=bar_area,
    )


@dataclass
class LineChart:
    chart: ColumnChart
    points: str  # the polyline's "x,y x,y ..." attribute
    markers: list  # [(x, y, label, value)]


def line_chart(series, width=480, height=220):
    """A line through (label, value) points on the same frame as column_chart."""
    frame = column_chart(series, width=width, height=height)
    markers = [
        (column.label_x, column.y, column.label, column.value) for column in frame.columns
    ]
    points = " ".join(f"{x},{y}" for x, y, _label, _value in markers)
    return LineChart(chart=frame, points=points, markers=markers)
