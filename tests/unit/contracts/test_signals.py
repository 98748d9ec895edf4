import pytest

from contracts.signals import NO_INPUT, SIGNALS, signal_in, signal_text


def test_every_signal_reads_back():
    for name in SIGNALS:
        assert signal_in(signal_text(name)) == name
        assert signal_in(f"  {signal_text(name)} ") == name


@pytest.mark.parametrize("text", ["no_input", "/no input", "/greet", "/", "", "where is /no_input"])
def test_customer_words_are_not_signals(text):
    assert signal_in(text) is None


def test_unknown_signals_are_refused():
    with pytest.raises(ValueError, match="not a call signal"):
        signal_text("greet")
    assert signal_text(NO_INPUT) == "/no_input"
