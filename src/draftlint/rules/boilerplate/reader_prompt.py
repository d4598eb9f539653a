from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterator

from draftlint import safeyaml, shortcuts
from draftlint.document import Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.lines import SENTENCE_END, BodyLine
from draftlint.phrases import phrase_regex
from draftlint.rules.boilerplate._common import body_lines, clip, delete_lines

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")
_STOP = re.compile(r"[.!?]")
_LETTER = re.compile(r"[^\W_]")
# Speaking to the reader: the second person, a polite request.
_READER = re.compile(r"(?<![^\W_])(?:you|your|yours|please|kindly)(?![^\W_])")
# Pointing at the site: its own voice ("my" of a one-person newsletter), the page, the widgets.
_SITE = re.compile(r"(?<![^\W_])(?:us|our|ours|my|below|this (?:recipe|article|story|post|page|site|blog|video|roundup)"
                   r"|newsletters?|inbox|the comments|channel|basket|cart)(?![^\W_])")
# The imperatives that open a call to action ("Get the Daily Edition by email …").
_IMPERATIVE = re.compile(r"[\s\-–—•*]*(?:get|join|download|subscribe|sign|follow|share|leave|tell|let|like|save|add|check"
                         r"|don['’]?t|be sure|make sure|remember|keep up)(?![^\W_])")
# Reported speech is the article's, not the page's: a quotation mark or a speech verb.
_REPORTED = re.compile(r"[\"“”«»]|(?<![^\W_])(?:said|says|told|asked|urged|wrote|according)(?![^\W_])")


@dataclass(frozen=True)
class _Lexicon:
    labels: dict[str, str]  # class -> label
    phrases: dict[str, str]  # phrase -> class
    pattern: re.Pattern[str]
    pointing: frozenset[str]  # phrases that point at the site by themselves ("follow us")


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = safeyaml.load(resources.files(__package__).joinpath("prompts.yaml").read_text(encoding="utf-8"))
    labels = {name: spec["label"] for name, spec in data.items()}
    phrases = {str(p).casefold(): name for name, spec in data.items() for p in spec["phrases"]}
    edges = [p for p in phrases if not (_LETTER.match(p[0]) and _LETTER.match(p[-1]))]
    if edges:  # prompt_in's pre-check holds only for phrases bounded by letters or digits
        raise ValueError(f"prompts.yaml: phrases must start and end with a letter or digit: {edges}")
    pointing = frozenset(str(p).casefold() for spec in data.values() for p in spec.get("pointing", ()))
    if not pointing <= phrases.keys():
        raise ValueError(f"prompts.yaml: pointing phrases must be phrases too: {sorted(pointing - phrases.keys())}")
    return _Lexicon(labels, phrases, phrase_regex(phrases, boundary=r"[^\W_]"), pointing)


def prompt_in(text: str, within: int | None = None) -> tuple[str, str] | None:
    """The first sentence of ``text`` that asks the reader to do something for the site: (class, phrase).
    With ``within``, only a call whose phrase begins in the first ``within`` characters (of the casefolded
    text): a line run on into the next ones is not the prompt that the next line holds ("—" or "… Tickets"
    over "If you enjoyed …"); that line is."""
    lex = _lexicon()
    key = text.casefold()
    if shortcuts.enabled() and not lex.pattern.search(key):
        return None  # a phrase of a sentence is a phrase of the text: every phrase starts and ends with a letter
    for sentence in _SENTENCE.finditer(key):
        part = sentence.group()
        m = lex.pattern.search(part)
        if m is None or _REPORTED.search(part) or part[m.start() - 1:m.start()] in ("'", "‘"):
            continue  # reported speech, or the phrase in quotation marks: "before you 'add to cart,' …" mentions it
        if within is not None and sentence.start() + m.start() >= within:
            return None
        opening = part.lstrip(" -–—•*").startswith(m.group()) or _IMPERATIVE.match(part)  # "Subscribe to …": an imperative
        phrase = " ".join(m.group().split())
        if (opening or _READER.search(part)) and (_SITE.search(part) or phrase in lex.pointing):
            return lex.phrases[phrase], phrase
    return None


def _to_sentence_end(lines: tuple[BodyLine, ...], i: int) -> str:
    """The text of line ``i``, run on into the next lines of its stack while its sentence has not ended (a
    prompt wrapped line by line: "If you enjoyed this, how about" / "our other recipes?"); three lines at most."""
    text = own = lines[i].text
    k = i + 1
    while k < min(len(lines), i + 3) and lines[k].block is lines[i].block and not SENTENCE_END.search(text):
        text += " " + lines[k].text
        k += 1
    end = _STOP.search(text, len(own))  # only the sentence that line i's end is in, not the next line's own
    return text[:end.end()] if end else text


class ReaderPrompt(Rule):
    """Flags a call to action addressed to the reader: subscribe, follow, comment, share, log in, donate.

    ## What it flags
    A paragraph or line of at most ``max-words`` words with a sentence that asks the reader to do something
    for the site: the sentence holds a call to action of one of these classes, **subscribe** ("sign up",
    "never miss", or the newsletter by the name boxes give it: "our weekly digest", "the morning
    briefing"), **follow** ("follow us", "join our WhatsApp channel"), **comment** ("comment below", "let
    us know", "hear your feedback"), **share** ("share this", "tag us"), **account** ("log in or
    register"), **save** ("save this recipe", "add to your basket"), **enjoyed** ("if you enjoyed …", "hope you enjoyed …", "learn more
    at …"), **app**, **donate** ("support local journalism"), **event** ("RSVP"), **feedback** ("Was this
    page helpful?") and **tip** ("Have a news tip? Email us"); it speaks to the reader (you, your, please,
    or it opens with the call itself) and points at the site (us, our, my, below, this recipe, the
    newsletter, a social network), or its call points at the site by itself ("follow us", "support local
    journalism"). Sentences with quotation marks or a speech verb (said, told, urged) are reported speech
    and are left alone, and so is a call that points at nothing of the site ("You can register to vote at
    the library").

    ## Why it matters
    Newsletter boxes, comment invitations and "if you enjoyed this" appeals are the page template's words,
    not the article's. Every site words them differently, so they are recognised by what they do: ask the
    reader to act, for the site.

    ## Example
        Tell us what you think in the comments below.
        Sign up for our free daily newsletter and never miss a story.

    ## How to fix
    Delete the line; the publishing system adds its own prompts.
    """

    code = "B021"
    name = "reader-prompt"
    family = Family.BOILERPLATE
    specificity = 40  # a judgement by kind: an exact pack that names the line reports it instead

    @dataclass(frozen=True)
    class Options:
        max_words: int = field(default=80, metadata={"help": "longest paragraph, in words, that is checked"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        lex = _lexicon()
        lines = body_lines(doc)
        for item in lines:
            if item.block.kind not in ("heading", "paragraph", "list-item") or item.block.in_blockquote \
                    or item.words > opts.max_words:
                continue
            found = prompt_in(_to_sentence_end(lines, item.index), within=len(item.text.casefold()))
            if found:
                kind, phrase = found
                yield self.finding(doc, item.line.start, item.line.end,
                                   f"{lex.labels[kind]} “{phrase}” addressed to the reader: “{clip(item.text)}”",
                                   fix=delete_lines(item.line.number, item.last))
