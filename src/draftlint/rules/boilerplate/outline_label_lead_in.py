from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from draftlint import shortcuts
from draftlint.document import Block, Document
from draftlint.findings import Family, Finding
from draftlint.rule import Rule
from draftlint.rules.boilerplate._common import clip

# "Label: text" at the start of a block: the label has no sentence punctuation and no quotation marks.
_LEAD_IN = re.compile(r"^\s*(?P<label>[^:.!?\"“”\n]{3,160}?)\s*(?P<colon>:)\s+(?P<rest>\S.*)", re.S)
# The nouns a prompt's outline is made of ("Analysis of …", "Potential future scenarios for …"), followed by
# the preposition that ties them to the topic.
_OUTLINE = re.compile(
    r"^(?:the\s+|an?\s+)?(?:(?:potential|possible|likely|key|further|brief|detailed|in-depth|specific|real-world|"
    r"future|recent|notable|concrete|historical)\s+){0,3}"
    r"(?:analys[ie]s|assessment|comparison|description|discussion|evaluation|evidence|examination|examples?|"
    r"explanation|exploration|impacts?|implications?|importance|overview|role|scenarios?|significance|statements?|"
    r"summary)\s+(?:of|for|on|from|regarding|about|into|behind|between|in|to)\b", re.I)


# The parts of an essay outline, which no article opens a paragraph with ("Hook: Imagine …", "Thesis statement:
# …", "Body paragraph 2: …"): flagged whatever their length.
_ESSAY = re.compile(r"^\s*(?P<label>hook|thesis(?:\s+statement)?|topic\s+sentence|body\s+paragraph(?:\s+\d{1,2})?"
                    r"|supporting\s+(?:evidence|details?|points?)|counter-?argument|rebuttal"
                    r"|concluding\s+(?:sentence|paragraph|thoughts|remarks))\s*(?P<colon>:)\s+(?P<rest>\S.*)",
                    re.I | re.S)
# An outline label is a noun phrase; a lead-in that ends with one of these verbs is a sentence introducing what
# follows ("A statement from the club reads: …", "The summary of the report says: …").
_INTRODUCING = frozenset("""reads read says said states stated begins began opens opened continues continued adds added
concludes concluded notes noted writes wrote explains explained declares declared warns warned""".split())


class OutlineLabelLeadIn(Rule):
    """Flags a list item or paragraph that opens with a label from a prompt's outline ("Analysis of …:").

    ## What it flags
    A list item or paragraph whose first words are a long label ending in a colon, where the label is an
    outline heading: "Analysis of …:", "Discussion of …:", "Examples of …:", "Evidence of …:", "Overview of
    …:", "Implications of …:", "Potential future scenarios for …:", "Statements from …:", "The impact on
    …:". The label must have at least ``min-label-words`` words and be followed by text on the same item.
    The parts of an essay outline open nothing in an article and are flagged whatever their length: "Hook:",
    "Thesis statement:", "Topic sentence:", "Body paragraph 2:", "Supporting evidence:", "Counterargument:",
    "Rebuttal:", "Concluding thoughts:", when two blocks of the document open with them ("Hook: a size 6
    circle hook" alone is a piece of fishing gear).
    In a list where at least two items open with such labels, the other items that open with a label of that
    length are flagged too: the whole list is the outline. Short "Label: value" items ("Price: $5", "Where:
    City Hall", "Note: …", "Evidence of fraud: none") are not flagged, nor a fact-box lead-in of a few words
    ("Impact on oil prices: …"), nor a label that introduces a list below it, nor a sentence that introduces a
    quotation ("A statement from the club reads: …").

    ## Why it matters
    A text generator asked for "an analysis of X, a discussion of Y and examples of Z" turns the prompt's
    outline into bullet lead-ins. Readers see the scaffolding instead of the point, and the label usually
    just restates the sentence after it.

    ## Example
        • Analysis of the council's objectives behind the proposal: Many residents believe the plan ...
        • Examples of towns that tried it: Several towns have ...

    ## How to fix
    Delete the label and start the item with its point, or turn the label into a real, specific claim.
    """

    code = "B002"
    name = "outline-label-lead-in"
    family = Family.BOILERPLATE

    @dataclass(frozen=True)
    class Options:
        min_label_words: int = field(default=5, metadata={"help": "fewest words in a label before its colon"})

    def check(self, doc: Document, opts: Options) -> Iterator[Finding]:
        # an essay's parts are its outline only when there are two of them ("Hook: a size 6 circle hook" alone
        # is a piece of fishing gear)
        essays = {id(b): m for b in doc.blocks if b.kind in ("paragraph", "list-item") and (m := self._essay(b))}
        if len(essays) < 2:
            essays = {}
        run: list[Block] = []
        for block in doc.blocks:
            if block.kind == "list-item":
                run.append(block)
                continue
            yield from self._list(doc, run, opts, essays)
            run = []
            if block.kind == "paragraph":
                lead = self._lead_in(block, opts)
                if lead and _OUTLINE.match(lead.group("label")):
                    yield self._finding(doc, block, lead)
                elif id(block) in essays:
                    yield self._finding(doc, block, essays[id(block)])
        yield from self._list(doc, run, opts, essays)

    def _lead_in(self, block: Block, opts: Options) -> re.Match[str] | None:
        if shortcuts.enabled() and ":" not in block.text:  # the label ends at a colon: without one, no lead-in
            return None
        lead = _LEAD_IN.match(block.text)
        if (lead and len(lead.group("label").split()) >= opts.min_label_words
                and len(lead.group("rest").split(None, 3)) >= 3  # at least three words follow
                and lead.group("label").split()[-1].lower() not in _INTRODUCING):
            return lead
        return None

    @staticmethod
    def _essay(block: Block) -> re.Match[str] | None:
        if shortcuts.enabled() and ":" not in block.text:
            return None
        return _ESSAY.match(block.text)

    def _list(self, doc: Document, items: list[Block], opts: Options,
              essays: dict[int, re.Match[str]]) -> Iterator[Finding]:
        leads = [(block, self._lead_in(block, opts)) for block in items]
        outline = sum(1 for _, lead in leads if lead and _OUTLINE.match(lead.group("label")))
        for block, lead in leads:
            if lead and (outline >= 2 or _OUTLINE.match(lead.group("label"))):
                yield self._finding(doc, block, lead)
            elif id(block) in essays:
                yield self._finding(doc, block, essays[id(block)])

    def _finding(self, doc: Document, block: Block, lead: re.Match[str]) -> Finding:
        label = " ".join(lead.group("label").split())
        return self.finding(doc, block.start + lead.start("label"), block.start + lead.end("colon"),
                            f"outline label “{clip(label)}:” opens the {block.kind.replace('-', ' ')}")
