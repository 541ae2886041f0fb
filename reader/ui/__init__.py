"""The terminal face of the reader: a Textual app over the one `Library` service.

`app.py` owns the `Library` and every background job; `screens/` holds the main list and the
reading view, `dialogs/` the help screen, `widgets/` the widgets grouped by where they sit on
screen. Untrusted text reaches the screen only through `display.plain`.
"""
