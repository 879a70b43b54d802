"""The passphrase generator and its bundled EFF word list."""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from importlib import resources

import pytest

from casefile.exchange import passphrase
from casefile.exchange.passphrase import generate_passphrase, load_wordlist

EFF_LARGE_SHA256 = "addd35536511597a02fa0a9ff1e5284677b8883b83e986e43f15a3db996b903e"


def test_bundled_list_is_the_unmodified_eff_large_list_with_its_attribution() -> None:
    folder = resources.files("resources.wordlists")
    data = folder.joinpath("eff_large_wordlist.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == EFF_LARGE_SHA256
    attribution = folder.joinpath("EFF_LARGE_WORDLIST_ATTRIBUTION.md").read_text("utf-8")
    assert "CC BY 3.0" in attribution
    assert EFF_LARGE_SHA256 in attribution


def test_wordlist_has_7776_distinct_words() -> None:
    words = load_wordlist()
    assert len(words) == len(set(words)) == 7776
    assert words[0] == "abacus"
    assert words[-1] == "zoom"


def test_default_is_seven_words_from_the_list() -> None:
    words = generate_passphrase().split(" ")
    assert len(words) == 7
    assert set(words) <= set(load_wordlist())
    assert passphrase.passphrase_entropy_bits(7) > 90


@pytest.mark.parametrize("count", [6, 8, 12])
def test_word_count_is_honoured(count: int) -> None:
    assert len(generate_passphrase(count).split(" ")) == count


@pytest.mark.parametrize("count", [0, 1, 5, -3])
def test_fewer_than_six_words_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="at least 6"):
        generate_passphrase(count)


def test_passphrases_differ_and_draw_across_the_list() -> None:
    phrases = [generate_passphrase() for _ in range(300)]
    assert len(set(phrases)) == 300
    seen = Counter(word for phrase in phrases for word in phrase.split(" "))
    # 2,100 uniform draws from 7,776 words touch ~1,860 distinct ones; a broken draw far fewer.
    assert len(seen) > 1500
    assert max(seen.values()) < 10


def test_generator_uses_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """The draw goes through `secrets` (a CSPRNG), not `random`."""
    monkeypatch.setattr(secrets, "choice", lambda words: words[1])
    assert generate_passphrase(6) == " ".join([load_wordlist()[1]] * 6)
