"""Text extraction for uploaded documents, with hard limits.

PDFs are read by pypdf in a separate Python process: the parent waits at most
the given number of seconds and then kills it, so a hostile file (deeply
nested objects, huge streams, decompression bombs) can neither hang the
caller nor take its memory. The child also checks the time after every page
and stops early with what it has, so a slow but honest PDF still gets most of
its text indexed.

Two calls use it: ``check_pdf`` (structure only: can the file be opened,
is it locked by a password, how many pages) runs in the upload request for a
PDF that declares encryption; ``extract_pdf`` (the text of every page) runs
in a background task (``core.tasks``).

A PDF encrypted with an empty user password (only "permissions" are set)
opens in every reader without a prompt, so it is decrypted with "" and read
like any other. The document information dictionary (title, author...) is
never read: a damaged one must not stop the text from being extracted.

Run as a script it is that child: the mode and limits as arguments, PDF
bytes on stdin, a JSON result on stdout. It imports neither Django nor the
project.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache

# Outcomes of an extraction. "ok" and "partial" carry text; the others do not.
OK = "ok"
PARTIAL = "partial"
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
TIMEOUT = "timeout"
UNSUPPORTED = "unsupported"

# Memory cap for the child process (address space), in bytes.
CHILD_MEMORY_LIMIT = 1024 * 1024 * 1024


@dataclass
class Extraction:
    status: str
    text: str = ""
    page_texts: list[str] = field(default_factory=list)
    page_count: int | None = None
    warning: str = ""

    @property
    def refused(self) -> bool:
        """Files an editor must fix before uploading (the form refuses them)."""
        return self.status in {ENCRYPTED, CORRUPT}


# -- language ---------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def _stopword_sets() -> dict[str, frozenset[str]]:
    """Frequent function words of each site language (core/languages.py),
    short and distinctive enough to tell the languages apart on a page or
    two of text. Imported here, not at the top: the child process runs this
    file without the project on its path."""
    from core import languages

    return {lang.code: frozenset(lang.stopwords.split()) for lang in languages.TABLE}


def detect_language(text: str, sample: int = 20000) -> str:
    """The code of the site language the text is most likely written in, or
    "" when there is too little evidence to say."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return ""
    counts = Counter(words)
    scores = {code: sum(counts[w] for w in stop) for code, stop in _stopword_sets().items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_second, runner_up) = ranked[0], ranked[1]
    if top < 5 or top < len(words) * 0.05 or top <= runner_up * 1.2:
        return ""
    return best


# -- plain text ---------------------------------------------------------------


def extract_plain_text(data: bytes, max_chars: int) -> Extraction:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    text = text.replace("\x00", "")
    warning = ""
    if len(text) > max_chars:
        text = text[:max_chars]
        warning = f"Only the first {max_chars} characters were indexed."
    return Extraction(OK if not warning else PARTIAL, text, [text], 1, warning)


# -- PDF: the parent side -------------------------------------------------------

CHECK = "check"
EXTRACT = "extract"


def check_pdf(data: bytes, max_seconds: float) -> Extraction:
    """Open the PDF without reading its text: refused files (encrypted,
    damaged) come back as such, readable ones with their page count."""
    return _run_child(data, CHECK, 0, 0, max_seconds)


def extract_pdf(data: bytes, max_pages: int, max_chars: int, max_seconds: float) -> Extraction:
    """Extract a PDF's text in a child process bounded by ``max_seconds``."""
    return _run_child(data, EXTRACT, max_pages, max_chars, max_seconds)


def _run_child(data: bytes, mode: str, max_pages: int, max_chars: int, max_seconds: float):
    command = [
        sys.executable,
        "-I",  # isolated: no user site, no PYTHON* variables, no cwd on sys.path
        __file__,
        mode,
        str(max_pages),
        str(max_chars),
        str(max_seconds),
    ]
    try:
        result = subprocess.run(  # noqa: S603 - our own interpreter and script
            command, input=data, capture_output=True, timeout=max_seconds, check=False
        )
    except subprocess.TimeoutExpired:
        return Extraction(
            TIMEOUT,
            warning=f"Text extraction stopped after {max_seconds:g} s; the text is not indexed.",
        )
    try:
        payload = json.loads(result.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return Extraction(CORRUPT, warning="The PDF could not be read (the reader failed).")
    return Extraction(**payload)


# -- PDF: the child side --------------------------------------------------------


def _limit_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_LIMIT, CHILD_MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):  # not POSIX, or not allowed
        pass


def _read_pdf(
    data: bytes, mode: str, max_pages: int, max_chars: int, max_seconds: float
) -> Extraction:
    import logging

    logging.disable(logging.CRITICAL)  # pypdf warns on every odd object
    # Leave room for the interpreter start-up and the reply.
    deadline = time.monotonic() + max_seconds * 0.6
    reader = _open_pdf(data)
    if isinstance(reader, Extraction):
        return reader
    if mode == CHECK:
        return Extraction(OK, page_count=len(reader.pages))
    pages, warning = _page_texts(reader, max_pages, max_chars, deadline)
    text = "\n\n".join(pages).strip()
    if not text and not warning:
        warning = "The PDF contains no extractable text (scanned images?)."
    return Extraction(PARTIAL if warning else OK, text, pages, len(reader.pages), warning)


def _open_pdf(data: bytes):
    """A pypdf reader with its pages counted, or the Extraction that says
    why there is none."""
    import io

    try:
        from pypdf import PdfReader
        from pypdf.errors import FileNotDecryptedError, PdfReadError
    except ImportError:
        return Extraction(UNSUPPORTED, warning="pypdf is not installed; no text was extracted.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypt_without_password(reader):
            return Extraction(ENCRYPTED, warning="The PDF is encrypted (password-protected).")
        len(reader.pages)  # reads the page tree: a damaged one fails here
    except FileNotDecryptedError:
        return Extraction(ENCRYPTED, warning="The PDF is encrypted (password-protected).")
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return Extraction(CORRUPT, warning="The file is not a readable PDF (damaged or invalid).")
    except RecursionError:
        return Extraction(CORRUPT, warning="The PDF's structure is too deeply nested to read.")
    return reader


def _page_texts(reader, max_pages: int, max_chars: int, deadline: float):
    """Each page's text up to the page, character and time limits, and the
    warning naming the limit that stopped it ("" when none did)."""
    page_count = len(reader.pages)
    pages: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        if number > max_pages:
            return pages, f"Only the first {max_pages} of {page_count} pages were indexed."
        if time.monotonic() > deadline:
            return pages, (
                f"Only the first {number - 1} of {page_count} pages were indexed (time limit)."
            )
        try:
            text = page.extract_text() or ""
        except Exception:  # noqa: BLE001 - one bad page must not lose the others
            text = ""
        text = text.replace("\x00", "")
        if total + len(text) > max_chars:
            pages.append(text[: max_chars - total])
            return pages, f"Only the first {max_chars} characters were indexed."
        pages.append(text)
        total += len(text)
    return pages, ""


def _decrypt_without_password(reader) -> bool:
    """True when the empty user password opens the PDF."""
    from pypdf import PasswordType
    from pypdf.errors import DependencyError, PdfReadError

    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except (DependencyError, NotImplementedError, PdfReadError, ValueError, KeyError, TypeError):
        # An unknown or unsupported encryption method: as good as locked.
        return False


def _main(argv: list[str]) -> int:
    _limit_memory()
    sys.setrecursionlimit(5000)
    mode, max_pages, max_chars, max_seconds = argv[1], int(argv[2]), int(argv[3]), float(argv[4])
    data = sys.stdin.buffer.read()
    try:
        result = _read_pdf(data, mode, max_pages, max_chars, max_seconds)
    except MemoryError:
        result = Extraction(CORRUPT, warning="The PDF needs too much memory to read.")
    sys.stdout.write(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
