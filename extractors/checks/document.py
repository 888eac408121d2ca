"""The checks of one document: every rule run over each sentence's figures, then the rules that tie
figures across its sentences, each check once."""
from __future__ import annotations

from extractors.checks.arithmetic import (_complement, _fraction_percent, _parts_total, _rank_and_range,
                                          _share_of_named_total, _share_of_total, _shares_sum)
from extractors.checks.changes import _change_base_in_document, _change_pp, _change_rel, _rel_change_check
from extractors.checks.earlier import checks_across_sentences
from extractors.checks.links import DocText
from extractors.checks.pairing import second_look
from extractors.checks.record import Check, unique_checks
from extractors.checks.targets import _result_target_in_sentence, _target_share
from extractors.record import Mention

def check_document(text: str, mentions: list[Mention], sentences: list | None = None) -> list[Check]:
    """Every check within one document: the figures of a sentence, and figures tied across its sentences."""
    dt = DocText(text, mentions, sentences)
    out: list[Check] = []
    for si, ms in sorted(dt.by_sentence.items()):
        out += _fraction_percent(dt, ms)
        out += _share_of_total(dt, ms)
        out += _parts_total(dt, ms)
        out += _complement(dt, ms)
        out += _shares_sum(dt, ms)
        out += _change_pp(dt, ms)
        out += _change_rel(dt, ms)
        out += _rank_and_range(ms)
        out += _result_target_in_sentence(dt, ms)
    out = second_look(dt, out, _rel_change_check)   # a flag another pairing of the sentence's figures explains
    out += _share_of_named_total(dt)
    out += _target_share(dt)
    out += _change_base_in_document(dt, out)
    out += checks_across_sentences(dt)
    return unique_checks(out)
