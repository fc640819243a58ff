"""One reader per input format, each returning the same list of paragraphs (Pelican's
`Readers`): plain text copied from the portal (.txt), a Word file (.docx) and the portal page
saved from a browser (.html). After this module nothing knows the format.

A paragraph is one line of the published text, stripped of layout whitespace (indents of
full-width spaces, trailing blanks), with where it came from: its line (.txt) or its
paragraph number (.docx, .html), so an error can name it.

Page chrome a portal puts around a document (`您现在的位置:首页 > …`, `字体:[ 大 中 小 ]`,
`【打印本页】`, `分享到:`) is not part of the published text, whatever the format it was
copied in: `chrome` removes it and the import report lists what it removed.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.importer.errors import InputError

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True)
class Source:
    """What a reader made of a file: its paragraphs and the published text to keep
    (`source.zh.txt`), the file itself when it is plain text already."""

    path: Path
    paragraphs: tuple[Paragraph, ...]
    text: str
    url: str | None = None  # the page's own address, when a saved page names it
    chrome: tuple[Paragraph, ...] = ()  # page chrome removed from the text


# Lines that are the portal's, not the document's; fragments of a line that are.
_CHROME_LINE = re.compile(r"^(?:您现在的位置|您当前的位置|当前位置|您的位置|所在位置)[:：]"
                          r"|^分享到[:：]?"
                          r"|^(?:【?(?:打印本页|关闭窗口|打印|关闭|收藏|返回顶部)】?\s*)+$"
                          r"|^扫一扫在手机(?:上)?打开当前页$|^【\s*字体[:：]")
_CHROME_PART = re.compile(r"\s*【?字体[:：]\s*[\[【]?\s*大\s*中\s*小\s*[\]】]?】?"
                          r"|\s*【(?:打印本页|关闭窗口|打印|关闭)】")


def chrome(paragraphs: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...],
                                                      tuple[Paragraph, ...]]:
    """(the document's paragraphs, the chrome removed from them)."""
    kept: list[Paragraph] = []
    removed: list[Paragraph] = []
    for p in paragraphs:
        if _CHROME_LINE.search(p.text):
            removed.append(p)
            continue
        text = _CHROME_PART.sub("", p.text).strip(_LAYOUT)
        removed += [Paragraph(m.group(0).strip(), p.line) for m in _CHROME_PART.finditer(p.text)]
        if text:
            kept.append(Paragraph(text, p.line))
    return tuple(kept), tuple(removed)


_LAYOUT = " \t\u3000\u00a0\ufeff"


def _paragraphs(lines: list[str]) -> tuple[Paragraph, ...]:
    out = []
    for i, raw in enumerate(lines, 1):
        for part in raw.replace("\r", "").split("\n"):
            text = part.strip(_LAYOUT)
            if text:
                out.append(Paragraph(text, i))
    return tuple(out)


def _joined(paragraphs: tuple[Paragraph, ...]) -> str:
    return "\n\n".join(p.text for p in paragraphs) + "\n"


def read_txt(path: Path, data: bytes) -> Source:
    if b"\x00" in data[:4096]:
        raise InputError(path, 1, "this is a binary file, not plain text; give a .txt, "
                         ".docx or .html file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")  # what Windows Notepad saves Chinese in
        except UnicodeDecodeError as exc:
            raise InputError(path, 1, "not UTF-8 or GB18030 text; save it as UTF-8") from exc
    lines = text.splitlines()
    paragraphs = _paragraphs(lines)
    # The file is the published text when its lines need no clean-up; else the clean lines.
    clean = all(ln == ln.strip(_LAYOUT) for ln in lines) and "\r" not in text
    return Source(path, paragraphs, text if clean else _joined(paragraphs))


def read_docx(path: Path, data: bytes) -> Source:
    import io

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, 1, "not a Word file (.docx is a zip archive; this is not one): "
                         "save it from Word as .docx, or give a .txt or .html file")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise InputError(path, 1, f"not a readable Word file ({exc}); save it again from Word "
                         "as .docx") from exc
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                blocks.append(" ".join(_unique_cells(c.text.strip() for c in row.cells)))
    paragraphs = _paragraphs(blocks)
    return Source(path, paragraphs, _joined(paragraphs))


def _unique_cells(cells: object) -> list[str]:
    """Merged Word cells repeat their text once per grid column; keep it once."""
    out: list[str] = []
    for c in cells:  # type: ignore[attr-defined]
        if c and (not out or out[-1] != c):
            out.append(c)
    return out


# Page chrome a saved portal page carries around the document.
_CHROME_TAGS = "script, style, noscript, nav, header, footer, form, iframe, button, select"
_CHROME = re.compile(r"(^|[-_\s])(header|head|nav|navbar|menu|footer|foot|bottom|breadcrumbs?|"
                     r"crumbs?|position|location|share|print|toolbar|search|login|top|"
                     r"sidebar|related)([-_\s\d]|$)", re.I)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "dt", "dd", "section",
           "article", "main", "blockquote", "pre", "table", "tbody", "thead", "ul", "ol", "dl",
           "center", "body", "html"}


def read_html(path: Path, data: bytes) -> Source:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    if b"\x00" in data[:4096]:
        raise InputError(path, 1, "this is a binary file, not a saved web page; give the "
                         ".html the browser saved")
    head = data[:2048].decode("ascii", "ignore").lower()
    encoding = "gb18030" if re.search(r"charset=[\"']?(gb2312|gbk|gb18030)", head) else "utf-8"
    tree = LexborHTMLParser(data.decode(encoding, "replace"))
    url = None
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None:
        url = canonical.attributes.get("href")
    for node in tree.css(_CHROME_TAGS):
        node.decompose()
    for node in tree.css("[class], [id]"):
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _CHROME.search(names):
            node.decompose()
    blocks: list[str] = []

    def walk(node: LexborNode) -> None:
        if node.tag == "tr":
            cells = [c.text(deep=True).strip(_LAYOUT) for c in node.iter() if c.tag in ("td", "th")]
            blocks.append(" ".join(c for c in cells if c))
            return
        if node.tag == "br":
            blocks.append("\n")
            return
        children = list(node.iter(include_text=True))
        if not any(c.tag in _BLOCKS or c.tag == "br" for c in children):
            blocks.append(node.text(deep=True))
            return
        inline = ""
        for c in children:
            if c.tag in _BLOCKS or c.tag == "br":
                blocks.append(inline)
                inline = ""
                walk(c)
            else:
                inline += c.text(deep=True)
        blocks.append(inline)

    body = tree.body
    if body is None:
        raise InputError(path, 1, "no <body> in this page; save the whole page from the browser")
    walk(body)
    text = "".join(b if b == "\n" else b + "\n" for b in blocks)
    paragraphs = _paragraphs(text.split("\n"))
    if not paragraphs:
        raise InputError(path, 1, "the page has no text; save the page with its content "
                         "(\"Web page, complete\" or \"HTML only\")")
    numbered = tuple(Paragraph(p.text, i) for i, p in enumerate(paragraphs, 1))
    return Source(path, numbered, _joined(numbered), url)


READERS = {".txt": read_txt, ".text": read_txt, ".docx": read_docx, ".html": read_html,
           ".htm": read_html}


def read(path: Path) -> Source:
    """The paragraphs of `path`, by its suffix. Raises InputError naming what is wrong."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, 1, f"unknown input format `{path.suffix}`; give a "
                         f"{', '.join(sorted(set(READERS)))} file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, 1, f"file is {size} bytes, over {MAX_BYTES}; is it the "
                             "document?")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, 1, f"cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise InputError(path, 1, "the file is empty; expected the published text of a policy "
                         "document")
    if path.suffix.lower() == ".docx" or (data[:2] == b"PK" and reader is not read_docx):
        reader = read_docx
    source = reader(path, data)
    kept, removed = chrome(source.paragraphs)
    if removed:
        source = Source(path, kept, _joined(kept), source.url, removed)
    if not source.paragraphs:
        raise InputError(path, 1, "the file has no text; expected the published text of a "
                         "policy document")
    return source
