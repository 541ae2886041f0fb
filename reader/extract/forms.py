"""A `<form>` that is only the box around text, told from a form a reader fills in.

A form is furniture: a search box, a log-in, a newsletter sign-up, a comment box. But some sites
wrap what they show in one for their own scripts' sake: old.reddit sets every post and every
comment in a `<form class="usertext">` (it turns into an editor for the post's writer), and
readability drops every form it finds in the article. The post and its replies were lost, and
the subreddit's sidebar was given as the article. A form holding no control a reader fills in
or presses, only paragraphs, is a box of text: read as one.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# What a reader fills in or presses: a form holding one of these asks for something. A hidden
# input is the form's own bookkeeping (old.reddit's "thing_id"), and a control the page hides
# (the writer's editor) is gone already with the rest of what is hidden (`prepare`).
_CONTROLS = "|".join(
    (
        './/input[not(translate(@type, "HIDEN", "hiden") = "hidden")]',
        ".//textarea",
        ".//select",
        ".//button",
        ".//label",
    )
)


def is_text_box(form: HtmlElement) -> bool:
    """`form` holds paragraphs with words and nothing a reader fills in or presses."""
    if form.xpath(_CONTROLS):
        return False
    return any(p.text_content().strip() for p in form.iter("p"))


def text_forms_as_boxes(doc: HtmlElement) -> None:
    """Each form that `is_text_box` becomes a `<div>`, as it reads: its text is the page's
    (old.reddit's posts and comments), not a form's to drop. Its class and id stay: they say
    what the box is. Its tag is changed in place, so an element picked before (a site rule's
    body) is still the same element."""
    for form in list(doc.iter("form")):
        if is_text_box(form):
            form.tag = "div"
            for attribute in ("action", "method", "onsubmit", "enctype", "target"):
                form.attrib.pop(attribute, None)
