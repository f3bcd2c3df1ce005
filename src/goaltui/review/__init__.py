"""The review itself: goals, statuses and periods, the edits a reviewer makes, and what
follows from them (merging edits, filtering goals, the questions a meeting asks).

Pure data and rules. Imports nothing of goaltui but :mod:`goaltui.text`; no files, no
terminals, no Textual.
"""
