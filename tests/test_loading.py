"""Bad files: each is ingested correctly or skipped with a one-line reason, and the rest still goes in."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from briefbot.ingest import pipeline as ingest_module
from briefbot.ingest.chunking import chunk_document
from briefbot.errors import LoadError
from briefbot.ingest.pipeline import ingest
from briefbot.ingest.loading import discover, load_document
from briefbot.settings import load_settings
from briefbot.index.store import Index

from .conftest import briefbot_exe

LATIN1 = (
    "Le café de la gare était fermé. Nous avons pris un thé à l'hôtel, près de la façade crème.\n"
    "Les élèves étudièrent la géographie et l'économie de la région pendant l'été.\n"
) * 4
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000010000000100806000000") + bytes(range(256)) * 8


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- loading one file -----------------------------------------------------------------------


def test_binary_file_with_text_extension_is_refused(tmp_path: Path) -> None:
    for name, data in [("image.txt", PNG), ("zeros.md", bytes(4096)), ("random.txt", os.urandom(4096))]:
        with pytest.raises(LoadError, match="binary file"):
            load_document(write(tmp_path / name, data), name)


@pytest.mark.parametrize(
    ("codec", "text", "must_contain"),
    [
        ("latin-1", LATIN1, "café de la gare était fermé"),
        ("cp1252", "“Smart quotes” — cost €5 on Monday.\n" * 20, "“Smart quotes” — cost €5"),
        ("utf-16", "Hello UTF-16, with accents: é à ü.\n" * 5, "with accents: é à ü."),
        ("shift_jis", "日本語のテキストです。これはテストです。\n" * 5, "日本語のテキスト"),
        ("cp1252", "Le café de la gare était fermé. Nous avons pris un thé à l'hôtel.\n", "café de la gare était fermé"),
        ("cp1251", "Привет, как дела? Это тестовый документ на русском языке.\n" * 3, "тестовый документ"),
        ("cp1250", "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.\n" * 3, "Příliš žluťoučký kůň"),
        ("gb2312", "这是一个中文测试文件。我们正在测试编码检测。\n" * 3, "中文测试文件"),
    ],
)
def test_non_utf8_text_is_detected_and_decoded(tmp_path: Path, codec: str, text: str, must_contain: str) -> None:
    doc = load_document(write(tmp_path / "doc.txt", text.encode(codec)), "doc.txt")
    assert must_contain in doc.text
    assert doc.text.count("\n") == text.count("\n")


def test_empty_file_loads_as_empty_document(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "empty.txt", b""), "empty.txt")
    assert doc.text == ""
    assert chunk_document(doc) == []


def test_nul_bytes_are_dropped_and_lines_still_count(tmp_path: Path) -> None:
    data = b"first line\x00 here.\nsecond\x00\x00 line.\nthird line.\n"
    doc = load_document(write(tmp_path / "nul.txt", data), "nul.txt")
    assert doc.text == "first line here.\nsecond line.\nthird line.\n"
    chunks = chunk_document(doc)
    assert chunks and chunks[0].start_line == 1 and chunks[-1].end_line == 3


def test_megabyte_line_without_newline_is_chunked(tmp_path: Path) -> None:
    line = ("word " * 210_000)[: 1 << 20]
    doc = load_document(write(tmp_path / "long.txt", line), "long.txt")
    chunks = chunk_document(doc, 200, 30)
    assert len(chunks) > 100
    assert all(c.start_line == c.end_line == 1 for c in chunks)
    assert all(doc.text[c.start_char : c.end_char] == c.text and c.tokens <= 200 for c in chunks)
    assert chunks[-1].end_char >= len(doc.text.rstrip())


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 2**20)  # 50 MB (sparse: the point is that it is not read)
    with pytest.raises(LoadError, match=r"file is 50 MiB, over the 20 MiB limit"):
        load_document(big, "big.txt", max_bytes=20 * 2**20)


def test_a_raised_size_limit_reaches_pdf_and_word_files(tmp_path: Path) -> None:
    """BRIEFBOT_MAX_FILE_MB is the one limit: a 21 MiB PDF or Word file (an embedded attachment, an unused part)
    is refused at the default 20 MiB and read once the limit is raised, as a text file is."""
    import zipfile

    import docx
    from pypdf import PdfWriter

    from .test_formats import report_pdf

    filler = os.urandom(21 * 2**20)  # random: nothing compresses it below the limit
    pdf = report_pdf(tmp_path / "small.pdf")
    writer = PdfWriter(clone_from=pdf)
    writer.add_attachment("data.bin", filler)
    big_pdf = tmp_path / "big.pdf"
    with big_pdf.open("wb") as f:
        writer.write(f)
    d = docx.Document()
    d.add_paragraph("The teams leave base camp on the fourth of April at dawn.")
    big_docx = tmp_path / "big.docx"
    d.save(str(big_docx))
    with zipfile.ZipFile(big_docx, "a", compression=zipfile.ZIP_STORED) as z:
        z.writestr("customXml/filler.bin", filler)
    for path, text in ((big_pdf, "automated in 1987"), (big_docx, "fourth of April")):
        assert path.stat().st_size > 21 * 2**20
        with pytest.raises(LoadError, match=r"over the 20 MiB limit \(raise BRIEFBOT_MAX_FILE_MB\)"):
            load_document(path, path.name, max_bytes=20 * 2**20)
        assert text in load_document(path, path.name, max_bytes=30 * 2**20).text


def test_vanished_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="disappeared"):
        load_document(tmp_path / "gone.txt", "gone.txt")


# --- discovery: symlinks ----------------------------------------------------------------------


def test_symlinks_loops_and_escapes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "A.")
    write(tmp_path / "outside" / "secret.txt", "outside the corpus")
    (corpus / "loop.txt").symlink_to("loop.txt")
    (corpus / "broken.md").symlink_to("nowhere.md")
    (corpus / "inside.txt").symlink_to("a.txt")
    (corpus / "escape.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (corpus / "outdir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "up").symlink_to("..", target_is_directory=True)

    skipped: list[tuple[str, str]] = []
    found = list(discover([corpus], tmp_path, on_skip=lambda p, r: skipped.append((p.name, r))))
    assert sorted(f.source for f in found) == ["corpus/a.txt", "corpus/inside.txt"]
    reasons = dict(skipped)
    assert reasons["loop.txt"] == "symlink loop"
    assert reasons["broken.md"] == "broken symlink"
    assert reasons["up"] == "symlink loop"
    assert "outside" in reasons["escape.txt"] and "--follow-symlinks" in reasons["escape.txt"]
    assert "--follow-symlinks" in reasons["outdir"]

    followed = list(discover([corpus], tmp_path, follow_symlinks=True))
    assert sorted(f.source for f in followed) == [
        "corpus/a.txt", "corpus/escape.txt", "corpus/inside.txt", "corpus/outdir/secret.txt"
    ]


# --- a whole messy corpus through ingest ---------------------------------------------------------


def messy_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    write(corpus / "good.txt", "The harbour opened in 1901. It handled grain and timber.\n")
    write(corpus / "latin1.txt", LATIN1.encode("latin-1"))
    write(corpus / "image.txt", PNG)
    write(corpus / "empty.txt", b"")
    write(corpus / "nul.md", b"# Notes\x00\n\nThe ferry\x00 leaves at noon.\n")
    # One long line (64 KB here, to keep embedding quick; 1 MB is chunked in the test above).
    write(corpus / "long.txt", ("lighthouse keeper " * 4000)[: 1 << 16])
    with (corpus / "huge.txt").open("wb") as f:
        f.write(b"line of text\n" * (50 * 2**20 // 13 + 1))  # a real 50 MB text file
    (corpus / "loop.txt").symlink_to("loop.txt")
    return corpus


EXPECTED_SKIPS = {
    "corpus/image.txt": "binary file",
    "corpus/huge.txt": "over the 20 MiB limit",
    "corpus/loop.txt": "symlink loop",
}


def test_ingest_messy_corpus_skips_bad_files_and_keeps_the_rest(tmp_path: Path, monkeypatch, embedder) -> None:
    monkeypatch.chdir(tmp_path)
    messy_corpus(tmp_path)
    settings = load_settings()
    report = ingest(settings, embedder=embedder)

    skipped = dict(report.skipped)
    assert set(skipped) == set(EXPECTED_SKIPS)
    for source, reason in EXPECTED_SKIPS.items():
        assert reason in skipped[source] and "\n" not in skipped[source]
    assert sorted(report.added) == ["corpus/empty.txt", "corpus/good.txt", "corpus/latin1.txt", "corpus/long.txt", "corpus/nul.md"]

    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    records = index.file_records()
    assert records["corpus/empty.txt"].chunks == 0
    chunks, _ = index.get_chunks()
    by_source: dict[str, list] = {}
    for c in chunks:
        by_source.setdefault(c.source, []).append(c)
    assert "café de la gare était fermé" in by_source["corpus/latin1.txt"][0].text
    assert "\x00" not in by_source["corpus/nul.md"][0].text and "ferry leaves at noon" in by_source["corpus/nul.md"][-1].text
    long_doc = load_document(tmp_path / "corpus/long.txt", "corpus/long.txt")
    assert [c.text for c in by_source["corpus/long.txt"]] == [c.text for c in chunk_document(long_doc)]
    assert sum(r.chunks for r in records.values()) == index.count()

    # A second run skips the same files again and changes nothing else.
    again = ingest(settings, embedder=embedder)
    assert set(dict(again.skipped)) == set(EXPECTED_SKIPS)
    assert again.unchanged == 5 and not again.changed_anything


def _chunk_texts(settings, embedder, source: str) -> list[str]:
    index = Index.open(settings, embedder.name, embedder.dim, create=False)
    chunks, _ = index.get_chunks(where={"source": source})
    return [c.text for c in chunks]


def test_file_changing_while_read_is_read_again(tmp_path: Path, monkeypatch, embedder) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "corpus" / "notes.txt", "First version of the notes.\n")
    real_load = ingest_module.load_document
    calls = {"n": 0}

    def load_while_editing(p: Path, source: str, max_bytes: int) -> object:
        calls["n"] += 1
        doc = real_load(p, source, max_bytes)
        if calls["n"] == 1:  # the editor saves a longer version right after our read
            path.write_text("Second version of the notes, now longer.\n")
        return doc

    monkeypatch.setattr(ingest_module, "load_document", load_while_editing)
    settings = load_settings()
    report = ingest(settings, embedder=embedder)
    assert calls["n"] == 2 and report.added == ["corpus/notes.txt"] and not report.skipped
    assert _chunk_texts(settings, embedder, "corpus/notes.txt") == ["Second version of the notes, now longer."]
    rec = Index.open(settings, embedder.name, embedder.dim, create=False).file_records()["corpus/notes.txt"]
    assert rec.size == path.stat().st_size and rec.mtime_ns == path.stat().st_mtime_ns


def test_file_that_keeps_changing_or_vanishes_is_skipped(tmp_path: Path, monkeypatch, embedder) -> None:
    monkeypatch.chdir(tmp_path)
    busy = write(tmp_path / "corpus" / "busy.txt", "log line 0\n")
    gone = write(tmp_path / "corpus" / "gone.txt", "about to be deleted\n")
    write(tmp_path / "corpus" / "stable.txt", "Stable content.\n")
    real_load = ingest_module.load_document

    def load_under_fire(p: Path, source: str, max_bytes: int) -> object:
        if p.name == "gone.txt":
            p.unlink()
        doc = real_load(p, source, max_bytes)
        if p.name == "busy.txt":
            with busy.open("a") as f:
                f.write("another log line\n")
        return doc

    monkeypatch.setattr(ingest_module, "load_document", load_under_fire)
    settings = load_settings()
    report = ingest(settings, embedder=embedder)
    skipped = dict(report.skipped)
    assert "kept changing" in skipped["corpus/busy.txt"]
    assert skipped["corpus/gone.txt"] == "file disappeared while being read"
    assert report.added == ["corpus/stable.txt"]
    assert not gone.exists()
    monkeypatch.setattr(ingest_module, "load_document", real_load)
    report = ingest(settings, embedder=embedder)  # once quiet, the next run picks it up
    assert report.added == ["corpus/busy.txt"] and not report.skipped


# --- the command line: warnings, summary, --strict, permissions ---------------------------------


def _without_root_powers() -> list[str]:
    """As root, run the CLI without the capabilities that let root read any file (so chmod 000 bites)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test unreadable files as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_cli_warns_one_line_per_skip_and_strict_fails(tmp_path: Path) -> None:
    project = tmp_path / "project"
    corpus = project / "corpus"
    write(corpus / "good.txt", "The harbour opened in 1901.\n")
    write(corpus / "image.txt", PNG)
    write(corpus / "secret.txt", "Nobody may read this.\n").chmod(0)
    (corpus / "loop.md").symlink_to("loop.md")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    prefix = _without_root_powers()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, *briefbot_exe(), *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
        )

    out = run("ingest")
    assert out.returncode == 0, out.stderr
    warnings = [line for line in out.stderr.splitlines() if line.startswith("briefbot: skipped")]
    assert len(warnings) == 3
    assert sorted(w.split(": ")[1].removeprefix("skipped ") for w in warnings) == [
        "corpus/image.txt", "corpus/loop.md", "corpus/secret.txt"
    ]
    assert "briefbot: skipped corpus/image.txt: binary file" in out.stderr
    assert "briefbot: skipped corpus/loop.md: symlink loop\n" in out.stderr
    assert "briefbot: skipped corpus/secret.txt: permission denied\n" in out.stderr
    assert "Traceback" not in out.stderr
    assert "1 added" in out.stdout and "3 skipped" in out.stdout

    strict = run("ingest", "--strict")
    assert strict.returncode == 1
    assert "3 skipped" in strict.stdout and "Traceback" not in strict.stderr

    # Questions do not re-ingest for files that were skipped and have not changed since ...
    search = run("search", "harbour")
    assert search.returncode == 0 and "index updated" not in search.stderr
    # ... but do once one is fixed (chmod changes no size or mtime, only ctime).
    (corpus / "secret.txt").chmod(0o644)
    search = run("search", "harbour")
    assert search.returncode == 0 and "index updated: 1 added" in search.stderr



def test_extensionless_text_is_read_and_unknown_types_are_counted(tmp_path: Path) -> None:
    """Issue 15.17: extension-less text files are indexed; other types are counted, by extension, not passed over in silence."""
    from .conftest import run_cli

    corpus = tmp_path / "corpus"
    for i in range(40):
        write(corpus / f"note{i:03d}", f"Note {i}: the ferry number {i} leaves from pier {i % 7}.\n")
    write(corpus / "LICENSE", LATIN1.encode("latin-1"))  # not UTF-8, still clearly text
    write(corpus / "program", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    write(corpus / "empty", b"")
    for name in ("a.xls", "b.xls", "c.xls"):  # old binary Excel files: not read (a .csv is)
        write(corpus / name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    write(corpus / "photo.png", PNG)
    r = run_cli("ingest", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    import json

    report = json.loads(r.stdout)
    assert len(report["added"]) == 41 and "corpus/LICENSE" in report["added"]
    assert report["not_indexed_unknown_type"] == {".xls": 3, ".png": 1, "(no extension)": 2}
    again = run_cli("ingest", cwd=tmp_path)  # the no-op path says it too
    assert "0 added" in again.stdout and "41 unchanged" in again.stdout
    assert "6 not indexed (unknown type: 3 .xls, 2 (no extension), 1 .png)" in again.stdout, again.stdout
    found = run_cli("search", "ferry number 12", "--no-refresh", cwd=tmp_path).stdout
    assert found.splitlines()[0].startswith("[1] corpus/note012:1-1"), found


def test_counts_read_as_english(tmp_path: Path) -> None:
    """Issue 15.17: `1 chunk`, `1 file`, not `1 chunks`, `1 files`."""
    from .conftest import run_cli

    write(tmp_path / "corpus" / "one.txt", "The harbour opened in 1901.\n")
    r = run_cli("ingest", cwd=tmp_path)
    assert "; 1 chunk written (1 embedded), 1 in index;" in r.stdout, r.stdout
    listing = run_cli("sources", cwd=tmp_path).stdout.splitlines()
    assert ": 1 file, 1 chunk, embedder" in listing[0] and "  corpus/one.txt  1 chunk  indexed" in listing[1], listing
