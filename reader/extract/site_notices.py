"""The site speaking to its reader inside the article: a call to sign up for its newsletter, get
its app, follow its channel, send it a story or republish it; an ad slot's label left without
its ad; the newsroom's standards pledge; a broadcaster's notices under a transcript. Each a line
of its own, told from a sentence of the story that says the same words (`inserts` drops them).
"""

from __future__ import annotations

import re

from ..models import words_in

# The site's call to its readers in the article's flow: "Sign up to our free Daily Tide
# newsletter…", "Click here to subscribe to our newsletter", "Abonnieren Sie unseren Newsletter", "Do you have a story? Email us at …". A
# line that opens with the call and says what it calls to; a sentence that merely mentions a
# newsletter or an address ("The council's newsletter said…", "Residents can email the
# council at …") opens otherwise.
_SIGN_UP = re.compile(
    r"^\W*(?:(?:click|tap) here (?:to|and)\s+)?(?:sign(?:\s|-)?up|subscribe|register|get|don['’]t miss|never miss"
    r"|abonnieren|melden sie sich|inscrivez-vous|abonnez-vous|suscr[ií]bete|suscríbase"
    r"|iscriviti|assine|inscreva-se|подпишитесь|подписывайтесь)\b",
    re.IGNORECASE,
)
# In the call's first clause: "Get ready for winter, the weekly bulletin says" calls to nothing.
_SIGN_UP_TO = re.compile(
    r"^[^,.;:!?]*\b(?:newsletter\w*|inbox|bulletin|briefing|infolettre|boletín|рассылк\w*)\b",
    re.IGNORECASE,
)
_TIP_LINE = re.compile(
    r"^\W*(?:do you have|have you got|got|have) (?:a |any )?(?:story|news tip|tip|news)s?\b"
    r".*(?:\b(?:email|e-mail|contact|write to|call|message|text|whatsapp)\s+us\b"
    r"|\bget in touch\b|@)",
    re.IGNORECASE,
)
# "Follow us on Telegram", "Читайте нас в Telegram": the site's channel, not the story.
_FOLLOW_US = re.compile(
    r"^\W*(?:follow us|join us|find us|читайте нас|подписывайтесь на нас|следите за нами"
    r"|folgen sie uns|suivez-nous|síguenos|seguici|siga-nos)\b.{0,20}?\b(?:on|in|в|на|auf|sur"
    r"|en|su|no)\s+(?:telegram|twitter|x|facebook|instagram|whatsapp|threads|bluesky|tiktok"
    r"|youtube|linkedin|google news|дзен\w*|vk|вконтакте|max|одноклассниках)\b",
    re.IGNORECASE,
)
# The site's account on a network, named after the call: El País's "Puedes seguir a EL PAÍS
# Clima y Medio Ambiente en X, o apuntarte aquí para recibir nuestra newsletter semanal.",
# "Sigue toda la información de Economía en Facebook y X", "Folgen Sie ZEIT ONLINE auf
# WhatsApp", "Suivez Le Monde Afrique sur WhatsApp", "Follow BBC Sport on Facebook". The name
# is a few words in one clause; "Follow the river south and on X Road…" names no network.
_FOLLOW_SITE = re.compile(
    r"^\W*(?:puedes seguir a|sigue a|sígue(?:nos)? a|sigue toda la información|folgen sie|suivez"
    r"|follow)\s+[^.!?;:,]{1,60}?\s+(?:en|auf|sur|on)\s+(?:x|twitter|facebook|instagram"
    r"|whatsapp|telegram|threads|bluesky|tiktok|youtube|linkedin|google news|flipboard)\b",
    re.IGNORECASE,
)
# The site's offer of its latest news where it publishes it: NDTV's "Track Latest News Live on
# NDTV.com and get news updates from India and around the world", ABC's "Get all the latest ABC
# Rural news on Facebook, X and Instagram.". "The latest news on the strike came on Monday"
# calls no one.
_LATEST_NEWS_ON = re.compile(
    r"^\W*(?:track|get|catch|follow|read|see)\s+(?:all\s+)?(?:the\s+)?latest\s+"
    r"(?:[^.!?;:,]{1,40}?\s+)?(?:news|updates|stories|headlines)(?:\s+live)?\s+(?:on|at)\s+"
    r"(?:[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|in|au|uk|co|news)\b|x|twitter|facebook|instagram"
    r"|whatsapp|telegram|threads|bluesky|tiktok|youtube|linkedin|google news|our app)\b"
    # The Atlantic's "Listen to more stories on hark": its stories read aloud in an app.
    r"|^\W*listen to (?:more|our|this)\s+(?:stories|articles?|story|news)\s+(?:on|in)\s+\S+\W*$",
    re.IGNORECASE,
)
# A call to pay for the site's journalism: Ghost's member card "Support independent journalism
# in Ukraine. Become a member of the Kyiv Independent.", Ukrainska Pravda's "Підтримайте УП"
# box. The call opens the line, and an offer follows it; "Support for the bill grew" opens
# with a noun and offers nothing.
_SUPPORT_US = re.compile(
    r"^\W*(?:support\s+(?:us|our\s+(?:work|journalism|newsroom|reporting)|(?:independent|quality"
    r"|local|public[- ]interest)\s+(?:journalism|news|reporting))|підтримайте|поддержите"
    r"|unterstützen sie (?:uns|unseren|unabhängigen)|soutenez|apoya (?:el|al|nuestro)"
    r"|wesprzyj)\b"
    r"(?=.*\b(?:become an? (?:member|subscriber|supporter|patron)|donate|subscribe|join"
    r"|підтримати|поддержать|unterstützen|soutenir|apoyar|wesprzyj)\b)",
    re.IGNORECASE | re.DOTALL,
)
# The closing thanks, then the call: Gannett's "Thanks for reading the Hilltop Herald.
# Subscribe today for unlimited access to local news." Thanks alone, or a thanks a source is
# given ("Thanks for reading our report, she wrote"), stays.
_THANKS_THEN_CALL = re.compile(
    r"^[^\w\"“”„«»‘’']*thank(?:s| you) for reading\b[^.!]{0,80}[.!]\s*"
    r"(?:subscribe|become an? (?:member|subscriber|supporter)|sign up|donate|support\s+(?:us|our|local))\b",
    re.IGNORECASE,
)
# A question to the reader about the site's stories, then the call: "Want more stories like
# this? Get the Gazette's daily email…", "Enjoying this article? Sign up…"; not "Love stories?
# The book club meets on Tuesdays and emails its members".
_HOOK = re.compile(
    r"^\W*(?:want|like|liked|enjoy|enjoyed|enjoying|love|loved)\b[^?]{0,30}?\b(?:more|this|our)"
    r"\s+(?:\w+\s+)?(?:stories|story|articles?|news|journalism|reporting)\b[^?]{0,20}\?"
    r"(?P<call>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_CALL = re.compile(
    r"\b(?:sign(?:\s|-)?up|subscribe|newsletter\w*|inbox|e-?mail|bulletin|briefing|app)\b",
    re.IGNORECASE,
)
# "Download the app: get breaking news alerts on your phone": the site's app, offered for its
# news. An app the story is about is offered for something else ("Download the app and enter
# your ticket number to claim a refund").
_GET_THE_APP = re.compile(
    r"^\W*(?:download|get|install|try)\s+(?:the|our)\s+(?:\w+['’]s\s+|free\s+|new\s+)?"
    r"(?:\w+\s+)?app\b(?=.*\b(?:news|alerts?|stories|headlines|notifications)\b)",
    re.IGNORECASE | re.DOTALL,
)
# The site's channel on a messaging app, offered for its news: Kompas's "Simak breaking news
# dan berita pilihan kami langsung di ponselmu. … Kompas.com WhatsApp Channel : https://…",
# "Join our WhatsApp channel for the latest updates". A story about a channel calls no one to it.
_CHANNEL_CALL = re.compile(
    r"^\W*(?:simak|ikuti|gabung\w*|join|follow)\b"
    r"(?=.*\b(?:(?:whatsapp|telegram)\s+(?:channel|saluran)|saluran\s+(?:whatsapp|telegram))\b)",
    re.IGNORECASE | re.DOTALL,
)
# The site's channel on a messaging app, offered for its news or as its own: the Indian
# Express's "Click here to join Express Pune on WhatsApp and get the latest news and updates
# from the city" (closing every city story), "Join us on Telegram", "Tap here to join our
# channel on WhatsApp". A story's "join" names no news of the site's ("Residents can join the
# tenants' group on WhatsApp to hear of meetings" calls to another's group, and is no call of
# the line's own: it opens with its subject).
_JOIN_CHANNEL = re.compile(
    r"^(?=.*\b(?:us|our|news|updates|alerts|headlines)\b)"
    r"\W*(?:(?:click|tap)\s+here\s+to\s+)?(?:join|follow)\s+(?:[^.!?;:,]{1,60}?\s+)?(?:on|via)\s+"
    r"(?:whatsapp|telegram|signal|viber|google news)\b",
    re.IGNORECASE | re.DOTALL,
)
# A question to the reader and the call to answer it: the Guardian's "Do you have a loved
# one who has died recently? Tell us about them for our Other lives feature.", "Were you
# affected? Share your experience with us". A story's question goes on otherwise ("Do you
# have a plan? Tell us, the councillor shouted…").
_ASKS_READERS = re.compile(
    r"^\W*(?:do|did|have|are|were|can)\s+you\b[^?]{0,80}\?\s*(?:tell us|share your|share it"
    r"|get in touch|let us know|email us|write to us|contact us"
    # ProPublica's call-out: "Do You Have Information About Jail Phone Fees? We want to hear
    # from families and former staff. Contact us."
    r"|we want to hear|we(?:['’]d| would) like to hear)\b"
    # To the site: "for our Other lives feature", "with us", "here", "below".
    r".{0,80}?\b(?:our|with us|here|below|using (?:this|the) form|contact us|get in touch)\b",
    re.IGNORECASE | re.DOTALL,
)
# The site's offer to republish it: The Conversation's "We believe in the free flow of
# information. Republish our articles for free, online or in print, under a Creative Commons
# license."
_REPUBLISH = re.compile(
    r"\brepublish (?:our|this) (?:articles?|stories|story)\b.{0,40}\bfree\b", re.IGNORECASE
)
# A call to readers is a line or two...
_CALL_WORDS = 40
# ...and says nothing anyone said: '"Get the briefing out today," the minister said.'
_REPORTED = re.compile(
    r"\b(?:said|says|told|asked|added|warned|sagte|a déclaré|dijo|disse|сказал\w*|заявил\w*)\b",
    re.IGNORECASE,
)


# An ad slot's label, left when its ad was not loaded: "Advertisement · Scroll to continue"
# (Reuters), "Story continues below advertisement", "Anzeige". Only a line that is nothing else.
AD_LABEL = re.compile(
    r"^\W*(?:(?:story|article) continues below\s+)?(?:advertisement|ad|anzeige|werbung"
    r"|publicité|publicidad|pubblicità|publicidade|advertentie|reklama|реклама)"
    r"(?:\W+(?:scroll to continue|continue reading|(?:story|article) continues below)"
    r"(?:\s+with\s+(?:the\s+)?(?:article|story|reading))?)?\W*$",
    re.IGNORECASE,
)
# The newsroom's pledge under each story, a link to its code: "Our Standards: The Thomson
# Reuters Trust Principles.", all that follows the label the link; "Our standards" in a
# sentence of the story goes on otherwise.
STANDARDS = re.compile(
    r"^\W*(?:our|read our|learn about our|learn more about our|about our)\s+(?:editorial\s+)?"
    r"(?:standards|principles|ethics policy)\s*[:|]\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


# A broadcaster's notices under a transcript: NPR's "Copyright © 2026 NPR. All rights
# reserved. Visit our website terms of use…" and "Accuracy and availability of NPR
# transcripts may vary. …". Only a notice standing as its own paragraph.
_TRANSCRIPT_NOTICE = re.compile(
    r"^\W*(?:copyright\s*)?©\s*(?:19|20)\d\d\b.{0,60}\ball rights reserved\b"
    r"|^\W*accuracy and availability of\b.{0,40}\btranscripts? may vary\b",
    re.IGNORECASE | re.DOTALL,
)
_NOTICE_WORDS = 60


# The site's box asking whether the page served: GOV.UK's "Is this page useful? Yes No Report a
# problem with this page", a help centre's "Was this article helpful? Yes No". The question
# and its answers are the whole of the line; "Was this page useful to the inquiry, the judge
# asked" goes on.
_FEEDBACK_PROMPT = re.compile(
    r"^\W*(?:(?:is|was) this (?:page|article|information|answer|content)(?: \w+)?"
    r" (?:useful|helpful)|was this helpful|did you find (?:this|what you were looking for)"
    r"(?: (?:page|article|information))?(?: (?:useful|helpful))?|did this (?:page|article)"
    r" help(?: you)?|how useful was this (?:page|article|information))\s*\?"
    r"(?:\W*(?:yes|no|maybe|thank you for your feedback|thanks for your feedback"
    r"|report a problem with (?:this|the) page|(?:yes|no),? this page (?:is|is not) useful))*\W*$"
    # The box's link left alone once its question went.
    r"|^\W*report a problem with (?:this|the) page\W*$",
    re.IGNORECASE,
)


def is_feedback_prompt(text: str) -> bool:
    return bool(_FEEDBACK_PROMPT.match(text))


# A fact-checker's badge line: "VerifyDesk is a verified signatory of the IFCN Code of
# Principles", the International Fact-Checking Network's, under every fact check the site runs.
_SIGNATORY_BADGE = re.compile(
    r"^[^.]{1,60}\b(?:is|are) (?:a )?(?:verified |certified )?signator(?:y|ies) (?:of|to) the "
    r"(?:IFCN|International Fact-Checking Network|EFCSN|European Fact-Checking Standards Network)"
    r"\b[^.]{0,60}\.?$",
    re.IGNORECASE,
)


def is_signatory_badge(text: str) -> bool:
    return bool(_SIGNATORY_BADGE.match(text))


def is_transcript_notice(text: str) -> bool:
    return words_in(text) <= _NOTICE_WORDS and bool(_TRANSCRIPT_NOTICE.match(text))


# A publishing platform's own lines round a post: Medium's "Member-only story" badge and its
# writer card, "Written by Ali Rahman · 1.2K Followers · More from …" (acc42c C3). A sentence
# saying "written by" goes on otherwise ("Written by hand, the letters…").
_PLATFORM_LINE = re.compile(
    r"^\W*member-only story\W*$"
    r"|^\W*written by\s+[^.!?·|]{1,60}?\s*[·|•]\s*[\d.,]+\s*[kKmM]?\s+followers?\b",
    re.IGNORECASE,
)


def is_call_to_readers(text: str) -> bool:
    """The line asks the reader to sign up for the site's newsletter, to get its app, to follow
    its channel or get its latest news there, to pay for its journalism, or to send it a
    story."""
    if _PLATFORM_LINE.match(text):
        return True
    if words_in(text) > _CALL_WORDS:
        return False
    if _REPORTED.search(text):
        return bool(_TIP_LINE.match(text) or _FOLLOW_US.match(text))
    if _SIGN_UP.match(text) and _SIGN_UP_TO.match(text):
        return True
    hook = _HOOK.match(text)
    if (
        (hook and _CALL.search(hook["call"]))
        or _GET_THE_APP.match(text)
        or _CHANNEL_CALL.match(text)
        or _JOIN_CHANNEL.match(text)
        or _ASKS_READERS.match(text)
        or _REPUBLISH.search(text)
        or _FOLLOW_SITE.match(text)
        or _LATEST_NEWS_ON.match(text)
        or _SUPPORT_US.match(text)
        or _THANKS_THEN_CALL.match(text)
    ):
        return True
    return bool(_TIP_LINE.match(text) or _FOLLOW_US.match(text))
