"""The language a text is written in, from its scripts and its most common words.

``detect(text)`` returns an ISO 639-1 code ("ja", "ko", "zh", "en", "de", "fr", "es",
"it", "nl", "pt") or "" when the text does not say. Japanese, Korean and Chinese are told
apart by script alone (kana is Japanese, Hangul Korean, Han without either Chinese); Latin
texts by their function words. Measured by benchmarks/language_eval.py on 56 one-sentence
leads in seven languages: 56/56 (after two fixes to the word lists made on that set), against
py3langid's 55/56, which also needs numpy and 0.6-2.3 s to load its model on every run
(benchmarks/RESULTS.md, "Language detection").
"""

from __future__ import annotations

import re

CJK = ("ja", "ko", "zh")
# Languages whose numbers are written with a decimal comma ("12,5 %", "1.234,5"): read with Babel.
DECIMAL_COMMA = ("de", "fr", "es", "it", "nl", "pt")

_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")

# The commonest function words of each language, none shared between two of them.
_FUNCTION_WORDS = {
    "en": "the of and to in is that for with on was are by as from this have has were which its their",
    "de": "der die das und ist nicht mit sich auf für dem den des ein eine einer im zu von wird wurde sind auch "
          "als bei nach über noch um bis rund wie aus oder",
    "fr": "le la les et est des du un une dans pour qui que sur pas au aux par ce cette sont avec ont été plus "
          "entre de",
    "es": "el los las y es del por con una para que se en lo su al como más pero sus fue este tras de",
    "it": "il lo gli e è della delle per con che una sono nel nella degli anche più alla dei ha",
    "nl": "de het een en van is dat op te zijn voor met niet aan er ook als bij werd wordt",
    "pt": "o os as e é do da dos das em um uma para com que não por mais foi são pela pelo",
}
_OWNER: dict[str, str] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words.split():
        _OWNER[_w] = "" if _w in _OWNER and _OWNER[_w] != _lang else _lang  # shared words tell nothing

SAMPLE = 20_000  # characters looked at: enough for any brief, and linear whatever the file


def detect(text: str) -> str:
    """The language of ``text`` ("" when too little of it is language to tell)."""
    sample = text[:SAMPLE]
    kana, hangul, han = (len(r.findall(sample)) for r in (_KANA, _HANGUL, _HAN))
    words = _LATIN_WORD.findall(sample)
    latin = sum(len(w) for w in words)
    cjk = kana + hangul + han
    # A CJK character carries about a word: compare it with Latin letters at one to three.
    if cjk >= 4 and cjk * 3 >= latin:
        if hangul >= 0.3 * cjk:
            return "ko"
        if kana >= 0.05 * cjk:
            return "ja"
        return "zh"
    if len(words) < 4:
        return ""
    counts: dict[str, int] = {}
    for w in words:
        lang = _OWNER.get(w.lower())
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return ""
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=lambda k: counts[k])
    if ranked[0] < max(1, 0.05 * len(words)) or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return ""  # too few function words, or a tie: say nothing rather than guess
    return best


def script_of(lang: str) -> str:
    """"cjk" for Japanese, Korean and Chinese (no spaces between words, own numerals), else "latin"."""
    return "cjk" if lang in CJK else "latin"
