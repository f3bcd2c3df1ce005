"""The review itself: goals, statuses and periods, the edits a reviewer makes, and what
follows from them (merging edits, filtering goals, the questions a meeting asks).

Pure data and rules, each once: the cycle of statuses (``Review.next_status``), when a
status needs a comment (``Review.is_unexplained``), how typed text is kept
(``session.typed_value``). Imports nothing of goaltui but :mod:`goaltui.text`; no files, no
terminals, no Textual.
"""
