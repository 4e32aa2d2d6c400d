"""Choropleth classes tell the truth about the counts: equal counts share a colour, zero has
its own, at most six classes, and close counts are not painted as opposites."""
from itertools import pairwise

import pytest

from practices.choropleth import MAX_CLASSES, PALETTE, ZERO_COLOR, color_of, count_classes


def ranges(values):
    return [(item.low, item.high) for item in count_classes(values)]


def test_there_are_no_classes_without_a_positive_count():
    assert count_classes([]) == [] and count_classes([0, 0]) == []
    assert color_of([], 0) == ZERO_COLOR


def test_few_distinct_counts_each_bound_a_class():
    assert ranges([1, 1, 2, 3, 3]) == [(1, 1), (2, 2), (3, 3)]


def test_many_counts_fall_into_at_most_six_quantile_classes():
    classes = count_classes(range(1, 40))
    assert len(classes) == MAX_CLASSES
    assert ranges(range(1, 40)) == [(1, 7), (8, 13), (14, 20), (21, 26), (27, 33), (34, 39)]
    assert [item.color for item in classes] == list(PALETTE)


@pytest.mark.parametrize("values", [
    [1, 2, 2, 3, 5, 8, 13, 21, 22, 34, 55, 89],
    [1] * 50 + [2] * 3 + [100],
    [21, 22, 21, 22, 300],
    list(range(0, 500, 7)),
])
def test_equal_counts_share_a_colour_zero_has_its_own_and_colours_grow_with_counts(values):
    classes = count_classes(values)
    colours = [item.color for item in classes]
    assert len(set(colours)) == len(colours)
    assert [PALETTE.index(colour) for colour in colours] == sorted(
        PALETTE.index(colour) for colour in colours
    )
    for value in values:
        assert (color_of(classes, value) == ZERO_COLOR) == (value == 0)
    assert all(a.high < b.low for a, b in pairwise(classes))


def test_close_counts_are_not_painted_at_both_ends_of_the_palette():
    # Many gminy with 21 cases, a few with 22: the old classes made 21 the palest colour and
    # 22 the darkest.
    classes = count_classes([21] * 30 + [22] * 5)
    gap = PALETTE.index(color_of(classes, 22)) - PALETTE.index(color_of(classes, 21))
    assert 0 < gap <= 1


def test_the_largest_count_is_always_the_darkest():
    for values in ([1], [3, 3], [1, 2], [1] * 10 + [7]):
        assert color_of(count_classes(values), max(values)) == PALETTE[-1]
