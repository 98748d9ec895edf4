from nlu.calibration import keep_fraction_threshold, oos_threshold


def test_keep_fraction_accepts_that_share_of_correct_predictions():
    conf = [i / 100 for i in range(1, 101)]
    correct = [True] * 100
    t = keep_fraction_threshold(conf, correct, keep=0.9)
    assert sum(c >= t for c in conf) >= 90 and sum(c >= t for c in conf) <= 91
    # wrong predictions do not move it
    assert keep_fraction_threshold(conf + [0.99] * 50, correct + [False] * 50, keep=0.9) == t


def test_oos_threshold_separates_when_it_can():
    in_conf = [0.9, 0.8, 0.85, 0.95]
    oos_conf = [0.3, 0.4, 0.2]
    t = oos_threshold(in_conf, [True] * 4, oos_conf)
    assert 0.4 < t <= 0.8
