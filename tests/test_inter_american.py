"""A body named "Inter-American" (a commission, a court, a bank) is no statement or figure of the United States, as
"Latin American" and "Pan-American" are not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefcmp.analysis.entities import Entities


@pytest.mark.parametrize("sentence, subjects", [
    ("The Inter-American Commission on Human Rights criticised the decree.", ()),
    ("The Inter-American Development Bank lent 300 million.", ()),
    ("The American ambassador left Caracas.", ("united-states",)),
])
def test_an_inter_american_body_is_not_the_united_states(sentence, subjects):
    assert "united-states" not in Entities(None).subjects(sentence) if not subjects else \
        "united-states" in Entities(None).subjects(sentence)
