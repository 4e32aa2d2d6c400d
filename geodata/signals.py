"""Signals of the register, for apps that keep something derived from it (a cache).

`register_changed` is sent after writes to voivodeships, counties or gminy that bypass
`Model.save()` (and so send no `post_save`): the boundary importer's bulk writes and the
display-boundary refresh. Arguments: `sender` (the model written) and `using` (the database
alias). Receivers must not assume the transaction has committed yet.
"""
from django.dispatch import Signal

register_changed = Signal()
