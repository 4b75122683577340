"""A chain's second link: "Where was the author of X born?" quotes the book's sentence and then the author's."""

from __future__ import annotations

from pathlib import Path

from briefbot.answer.extract import chain
from briefbot.index.lexical import tokenize

from .conftest import indexed_bot, run_cli

BOOK = (
    "The Salt Road\n\nThe Salt Road is a 2011 novel by Ada Kerrigan about a caravan crossing the Sahara. "
    "It won the Halden Prize for fiction in 2012 and was translated into nine languages.\n"
)
AUTHOR = (
    "Ada Kerrigan\n\nAda Kerrigan is a Scottish novelist and essayist. Born in Dunoon, Argyll, she studied medicine "
    "in Glasgow before turning to writing. Her first book, a collection of essays, appeared in 1998.\n"
)
HARBOUR = "Harbour news\n\nThe harbour at Kilmore reopened after repairs. Its master said boats could moor again.\n"
FILES = {"the-salt-road.txt": BOOK, "ada-kerrigan.txt": AUTHOR, "harbour-news.txt": HARBOUR}


def test_the_second_link_is_quoted_from_the_bridge_names_file(tmp_path: Path, embedder) -> None:
    """Before answer/extract/chain.py the answer was the book's sentence alone, short answer "Ada Kerrigan"."""
    bot = indexed_bot(tmp_path, FILES, embedder)
    a = bot.ask("Where was the author of The Salt Road born?")
    assert a.answered
    assert a.text.startswith("The Salt Road is a 2011 novel by Ada Kerrigan"), a.text
    assert "Born in Dunoon, Argyll, she studied medicine in Glasgow before turning to writing. [2]" in a.text, a.text
    assert [Path(c.source).name for c in a.citations] == ["the-salt-road.txt", "ada-kerrigan.txt"]
    assert a.short_answer == "Dunoon"
    # A second link leaning on the sentence before ("Her first book ...") brings it, as any quote does.
    a = bot.ask("In what year did the author of The Salt Road publish her first book?")
    assert "Her first book, a collection of essays, appeared in 1998. [2]" in a.text and a.short_answer == "1998", a.text


def test_a_relation_named_with_another_word_still_leads_on(tmp_path: Path, embedder) -> None:
    """"place of birth" is said "Born in" in the author's file, "death" is "died": the link is still found."""
    files = {**FILES, "ada-kerrigan.txt": AUTHOR.replace("appeared in 1998.", "appeared in 1998. She died in Oban in 2019.")}
    bot = indexed_bot(tmp_path, files, embedder)
    a = bot.ask("What is the place of birth of the author of The Salt Road?")
    assert "Born in Dunoon" in a.text and [Path(c.source).name for c in a.citations] == ["the-salt-road.txt", "ada-kerrigan.txt"], a.text
    assert chain.said("She died in Oban.") >= {"death", "die"} and "birth" in chain.said("Born in Dunoon.")
    assert chain.missing(set(tokenize("place of birth")), "Born in Dunoon.") == {"place"}


def test_no_second_link_when_the_first_answers(tmp_path: Path, embedder) -> None:
    bot = indexed_bot(tmp_path, FILES, embedder)
    a = bot.ask("Which prize did The Salt Road win?")
    assert a.answered and "Halden Prize" in a.text
    assert [Path(c.source).name for c in a.citations] == ["the-salt-road.txt"], a.text


def test_no_second_link_without_the_words_the_first_lacks(tmp_path: Path, embedder) -> None:
    """The author's file names a place, but nothing of being born: no sentence is appended for its type alone."""
    files = {**FILES, "ada-kerrigan.txt": "Ada Kerrigan\n\nAda Kerrigan is a Scottish novelist. She lives in Oban with two cats.\n"}
    bot = indexed_bot(tmp_path, files, embedder)
    a = bot.ask("Where was the author of The Salt Road born?")
    assert "Oban" not in a.text and [Path(c.source).name for c in a.citations] == ["the-salt-road.txt"], a.text


def _second(first: str, places: list[chain.Place], sentences: list[tuple[int, str]]) -> chain.Link | None:
    qwords = tokenize("Where was the author of The Salt Road born?")
    return chain.second_link(qwords, {}, first, 0, sentences, places, lambda i: True)


def test_the_second_link_is_in_another_file_about_a_name_of_the_first() -> None:
    first = BOOK.split("\n\n")[1]
    born = (1, "Born in Dunoon, Argyll, she studied medicine.")
    about_her = chain.Place(AUTHOR, "docs/ada-kerrigan.txt")
    assert _second(first, [chain.Place(BOOK, "docs/the-salt-road.txt"), about_her], [born]) == chain.Link(0, 0.5)  # "born" of "author", "born"
    # Named by the file name alone (a later chunk of her file does not open with her name).
    later = chain.Place("Born in Dunoon, Argyll, she studied medicine.", "notes/ada-kerrigan.md")
    assert _second(first, [chain.Place(BOOK, "a.txt"), later], [born]) is not None
    # A file name that holds the name among other words is not about it (a saved article named by its first words).
    place = chain.Place("Some economists say growth may be revised.", "news/23-The-gap-between-US-exports-and-imports.txt")
    assert not place.about({"us"}) and chain.Place("x", "notes/us.txt").about({"us"})
    assert chain.Place("x", "a.md", "Authors > Ada Kerrigan").about({"ada", "kerrigan"})
    # Not another passage of the same file: within a file the answerer already ranks every sentence.
    assert _second(first, [chain.Place(BOOK, "a.txt"), chain.Place(AUTHOR, "a.txt")], [born]) is None
    # Not a file that only mentions her further in.
    mention = chain.Place(
        "Festival programme\n\nThis year's guests, who arrive on Friday for three days of readings and talks by the sea, "
        "include the novelist Ada Kerrigan, born in Dunoon.", "fest.txt",
    )
    assert _second(first, [chain.Place(BOOK, "a.txt"), mention], [born]) is None


def test_names_skip_a_capitalised_sentence_opener() -> None:
    assert chain.names("It won the Halden Prize. Critics praised Kerrigan.") == [{"halden", "prize"}, {"kerrigan"}]


def test_the_chain_through_the_cli(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in FILES.items():
        (docs / name).write_text(text, encoding="utf-8")
    assert run_cli("ingest", "docs", cwd=tmp_path).returncode == 0
    r = run_cli("ask", "Where was the author of The Salt Road born?", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Born in Dunoon, Argyll" in r.stdout and "ada-kerrigan.txt" in r.stdout, r.stdout
