"""An e-mail sign-up box, told by its form rather than by its name.

Boxes named "newsletter" or "signup" are furniture by name (`furniture`); a sign-up plugin's own
names ("ck_form", "mc4wp-form", "tnp-subscription") or a plain "wp-block-group" are not, and
once the form's controls were removed its pitch stayed in the article: "Join 5,000 readers —
Get the Harbour Letter in your inbox every Friday." The box is the form's largest ancestor that
stays a box's size and holds no article.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .furniture import holds_article, text_length

# A sign-up box's pitch is a heading and a line or two; more is article text.
_BOX_LENGTH = 400


def _asks_for_an_address(form: HtmlElement) -> bool:
    for field in form.iter("input"):
        kind = (field.get("type") or "").lower()
        name = f"{field.get('name') or ''} {field.get('id') or ''}".lower()
        if kind == "email" or (kind in ("", "text") and "email" in name):
            return True
    return False


def signup_boxes(body: HtmlElement, around: int) -> list[HtmlElement]:
    """The box round each form asking for an e-mail address (the form itself when it stands
    alone among the article's paragraphs)."""
    boxes: list[HtmlElement] = []
    for form in body.iter("form"):
        if not _asks_for_an_address(form):
            continue
        box = form
        for el in form.iterancestors():
            if el is body or el.tag in ("article", "main"):
                break
            if text_length(el) > _BOX_LENGTH or holds_article(el, around):
                break
            box = el
        boxes.append(box)
    return boxes
