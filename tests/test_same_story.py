"""`same_story.same_text`: a story's copy and its page edited since are one story; another
story of the same site, and a home page showing its first lines among others', are not."""

from reader.same_story import same_text

COPY = (
    "The harbour ferry stayed tied up all of Saturday as a storm drove waves over the "
    "breakwater, and the crossing will not run again before Sunday evening, its operator said. "
    "Passengers were told to take the long road round the estuary, a drive of an hour and a half."
)
EDITED = COPY.replace("Sunday evening", "Monday morning") + (
    " The council opened the school hall for those who could not travel at all."
)
OTHER = (
    "The harbour council approved next year's budget on Thursday night after a four-hour "
    "debate, with the library's opening hours cut and the swimming pool's roof to be mended, "
    "and the ferry's subsidy kept as it was for the storm season, its treasurer said."
)
HOME = " ".join(
    [COPY[:120]]
    + [
        f"Story {n}: the market square's stalls open late on the {n}th for the fair."
        for n in range(30)
    ]
)


def test_an_edited_page_is_the_copys_story() -> None:
    assert same_text(COPY, EDITED)


def test_another_story_of_the_same_site_is_not() -> None:
    assert not same_text(COPY, OTHER)


def test_a_home_page_showing_its_first_lines_is_not() -> None:
    assert not same_text(COPY, HOME)


def test_a_line_tells_nothing() -> None:
    assert not same_text("The harbour ferry stayed tied up", "The harbour ferry stayed tied up")
