"""Work on files that spans dialogs and threads: saves off the UI thread, changes made on
disk by others, and the recovery of edits a crash left in a journal.

A flow knows the screen only as a :class:`~goaltui.tui.flows.host.FilesHost`: the document
in front, the period on screen, and two things it tells (a document was replaced, the save
state changed). Screens import flows; flows never import screens.
"""
