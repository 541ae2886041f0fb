"""An e-mail sign-up box, told by its form rather than by its name.

Boxes named "newsletter" or "signup" are furniture by name (`furniture`); a sign-up plugin's own
names ("ck_form", "mc4wp-form", "tnp-subscription") or a plain "wp-block-group" are not, and
once the form's controls were removed its pitch stayed in the article: "Join 5,000 readers —
Get the Harbour Letter in your inbox every Friday." The box is the largest element round the
form's address field that stays a box's size and holds no article.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .article_guard import holds_article
from .furniture import text_length

# A sign-up box's pitch is a heading and a line or two; more is article text.
_BOX_LENGTH = 400


def _address_field(form: HtmlElement) -> HtmlElement | None:
    """The field of `form` that asks for an e-mail address, or None."""
    for field in form.iter("input"):
        kind = (field.get("type") or "").lower()
        name = f"{field.get('name') or ''} {field.get('id') or ''}".lower()
        if kind == "email" or (kind in ("", "text") and "email" in name):
            return field
    return None


def signup_boxes(body: HtmlElement, around: int) -> list[HtmlElement]:
    """The box round each field asking for an e-mail address (the form itself when it stands
    alone among the article's paragraphs). Climbed from the field, not the form: ASP.NET wraps
    the whole page in one form, and its newsletter field is a box of the page."""
    boxes: list[HtmlElement] = []
    # Each element judged once: forms nested in one another climb through the same ones.
    fits: dict[HtmlElement, bool] = {}
    for form in body.iter("form"):
        field = _address_field(form)
        if field is None:
            continue
        box = None
        for el in field.iterancestors():
            if el is body or el.tag in ("article", "main"):
                break
            if el not in fits:
                fits[el] = text_length(el) <= _BOX_LENGTH and not holds_article(el, around)
            if not fits[el]:
                break
            box = el
        if box is not None:
            boxes.append(box)
    return boxes
