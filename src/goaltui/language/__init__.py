"""The languages goaltui speaks: the words it shows and how it formats numbers and dates.

Imports nothing of goaltui but :mod:`goaltui.text`.
"""
