"""The comparison accepts what legitimately varies between runs and rejects real changes."""

from snippet_docs.runner.compare import differences, normalise, report


def reasons(expected: str, actual: str, **options) -> list[str]:
    return [f"{d.line}: {d.reason}" for d in differences(expected, actual, **options)]


def test_identical_output_passes() -> None:
    assert reasons("loss 0.1235\n", "loss 0.1235\n") == []


def test_one_unit_in_the_last_printed_digit_passes() -> None:
    assert reasons("loss 0.1235\ntensor([1.5000, -2.2500])\n", "loss 0.1236\ntensor([1.4999, -2.2501])\n") == []


def test_a_real_change_fails_with_line_and_numbers() -> None:
    assert reasons("a\nloss 0.1235\n", "a\nloss 0.1238\n") == [
        "2: 0.1238 != 0.1235 (differs by 0.0003, allowed 0.0001)"
    ]


def test_relative_tolerance_covers_long_float64_reprs() -> None:
    assert reasons("[2.031787736745609]\n", "[2.0317877367456094]\n") == []
    assert reasons("[2.031787736745609]\n", "[2.0319]\n", rtol=1e-5) != []


def test_integers_must_match_exactly() -> None:
    assert reasons("bit-identical steps: 112 of 500\n", "bit-identical steps: 113 of 500\n") == [
        "1: 113 != 112 (integers must match exactly)"
    ]


def test_text_must_match_exactly() -> None:
    assert reasons("weights agree: True\n", "weights agree: False\n") == ["1: text differs"]


def test_missing_line_is_reported() -> None:
    assert reasons("a\nb\n", "a\n") == ["2: text differs", "3: expected 3 lines, got 2"]


def test_version_numbers_and_names_are_text() -> None:
    assert reasons("torch 2.13.0 float64 cuda:0\n", "torch 2.13.1 float64 cuda:0\n") == ["1: text differs"]


def test_exact_mode_rejects_last_digit_changes() -> None:
    assert reasons("0.1235\n", "0.1236\n", mode="exact") == ["1: text differs and this snippet is marked 'exact'"]


def test_shape_mode_ignores_numbers_but_not_text() -> None:
    assert reasons("took 1.23 ms\n", "took 9.87 ms\n", mode="shape") == []
    assert reasons("took 1.23 ms\n", "took 9.87 s\n", mode="shape") == ["1: text differs"]


def test_normalise_addresses_cuda_devices_and_cpp_locations() -> None:
    raw = (
        "<MulBackward0 object at 0x7f3a2c1d9e80>\n"
        "tensor([1., 2.], device='cuda:0', requires_grad=True)\n"
        "[torch.cuda.DoubleTensor [3]]\n"
        "UserWarning: careful (Triggered internally at /pytorch/aten/src/ATen/native/Foo.cpp:42.)\n"
    )
    assert normalise(raw) == (
        "<MulBackward0 object at 0x…>\n"
        "tensor([1., 2.], requires_grad=True)\n"
        "[torch.DoubleTensor [3]]\n"
        "UserWarning: careful\n"
    )


def test_cuda_output_matches_cpu_output() -> None:
    cpu = "tensor([0.2500, 0.1250])\n<AddBackward0 object at 0x7f0000000001>\n"
    cuda = "tensor([0.2501, 0.1250], device='cuda:0')\n<AddBackward0 object at 0x7f0000000abc>\n"
    assert reasons(cpu, cuda) == []


def test_report_names_the_snippet_and_shows_a_diff() -> None:
    found = differences("loss 0.5\n", "loss 0.7\n")
    text = report("snippets/loop/03_with_pytorch.py", "cpu", "loss 0.5\n", "loss 0.7\n", found)
    assert (
        text.splitlines()[0]
        == "snippets/loop/03_with_pytorch.py on cpu: output differs from snippets/loop/03_with_pytorch.out"
    )
    assert "  snippets/loop/03_with_pytorch.out:1: 0.7 != 0.5 (differs by 0.2, allowed 0.1)" in text
    assert "-loss 0.5" in text and "+loss 0.7" in text
