"""A generated 10 MB export imports in bounded memory (measured, not timed)."""

import importlib.util
import tracemalloc
from pathlib import Path
from xml.etree import ElementTree

from knowledgebase.models import NewsPage

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "wordpress_import_bench.py"
SIZE = 10 * 1024 * 1024
POSTS = 100


def load_bench():
    spec = importlib.util.spec_from_file_location("wordpress_import_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ten_megabyte_export_in_bounded_memory(indexes, tmp_path, capsys):
    bench = load_bench()
    export = tmp_path / "export.xml"
    size = bench.generate(export, SIZE, POSTS)
    assert size > 0.95 * SIZE
    result = bench.measure(export, trace=False)
    assert NewsPage.objects.count() == POSTS
    # Reading the whole file into a tree, as a non-streaming importer would,
    # needs more than the file's size: the bound below tells the two apart.
    tracemalloc.start()
    ElementTree.parse(export)
    whole_tree = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    with capsys.disabled():
        print(
            f"\n10 MB WordPress import: {result['file_bytes'] / 2**20:.1f} MiB file, "
            f"{POSTS} posts, {result['seconds']:.1f} s, peak Python allocation "
            f"{result['peak_traced_bytes'] / 2**20:.1f} MiB (whole tree: "
            f"{whole_tree / 2**20:.1f} MiB), peak RSS growth "
            f"{result['rss_growth_bytes'] / 2**20:.1f} MiB"
        )
    assert whole_tree > size
    assert result["peak_traced_bytes"] < size / 2
