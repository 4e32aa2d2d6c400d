"""Classes of a choropleth of case counts: at most MAX_CLASSES, computed from the distribution
of the values shown, so that a colour says something true about the count behind it.

Rules:
- Zero is never in a class: gminy without a matching case get their own colour (ZERO_COLOR).
- Class bounds are quantiles of the positive counts: the upper bound of class i (of k) is the
  count below which i/k of the counts lie (k = MAX_CLASSES); with no more distinct counts than
  that, each distinct count bounds a class. Bounds are counts that occur, so equal counts always
  share a class and no class spans an empty range.
- A class's colour is its place in the distribution: the share of gminy with cases that have at
  most its upper bound, on the sequential palette (ColorBrewer YlOrRd, light = few). Classes
  that collapse when many gminy have the same count therefore keep the colours of their
  quantiles instead of being spread to both ends of the palette (21 cases next to 22 are
  orange and dark red, not pale yellow and maroon). Where two classes would share a colour,
  the lower one takes the next lighter colour, so every class has its own.
"""
import bisect
import math
from dataclasses import dataclass

MAX_CLASSES = 6
PALETTE = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
ZERO_COLOR = "#f2f2f2"


@dataclass(frozen=True)
class CountClass:
    low: int
    high: int
    color: str

    def holds(self, value):
        return self.low <= value <= self.high


def _shade_index(share):
    """The palette position of a share (0–1] of the gminy with cases."""
    return max(math.ceil(round(share * len(PALETTE), 9)) - 1, 0)


def _bounds(positive, max_classes):
    """[(upper bound, share of the counts at or below the bound's quantile)], lowest first."""
    distinct = sorted(set(positive))
    if len(distinct) <= max_classes:
        return [(high, bisect.bisect_right(positive, high) / len(positive)) for high in distinct]
    bounds = {}
    for i in range(1, max_classes + 1):
        high = positive[max(0, math.ceil(len(positive) * i / max_classes) - 1)]
        bounds[high] = i / max_classes  # a repeated bound keeps its highest quantile
    return sorted(bounds.items())


def count_classes(values, max_classes=MAX_CLASSES):
    """The classes of the positive integer `values`, lowest first; [] when none is
    positive."""
    positive = sorted(value for value in values if value > 0)
    if not positive:
        return []
    bounds = _bounds(positive, max_classes)
    # From the top down, each class takes its share's colour or, when that is not lighter
    # than the class above, the next lighter one: every class keeps a colour of its own.
    positions, above = [], len(PALETTE)
    for _high, share in reversed(bounds):
        above = min(_shade_index(share), above - 1)
        positions.append(above)
    positions.reverse()
    classes, low = [], positive[0]
    for (high, _share), position in zip(bounds, positions, strict=True):
        classes.append(CountClass(low=low, high=high, color=PALETTE[position]))
        low = high + 1
    return classes


def color_of(classes, value):
    """The colour of `value` among `classes` (ZERO_COLOR for zero, or outside every class)."""
    for item in classes:
        if item.holds(value):
            return item.color
    return ZERO_COLOR
