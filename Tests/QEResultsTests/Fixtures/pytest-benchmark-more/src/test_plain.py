import pytest

def work(n):
    return sum(range(n))

def test_plain(benchmark):
    benchmark(work, 1000)

@pytest.mark.parametrize("size", [100, 1000])
@pytest.mark.parametrize("variant", ["a", "b"])
def test_params(benchmark, variant, size):
    benchmark.pedantic(work, args=(size,), rounds=5, iterations=1)
