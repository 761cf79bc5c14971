"""A page's text as a reader copies it: one line per block, list items with their markers.

Bullets become "• ", numbered items "N. " (as the House's pages print them when
copied), items of a list marked as printed keep their own markers; ``<br>`` breaks
the line. Only the element with the given class is read (the whole page if none).
"""

from html.parser import HTMLParser

BLOCKS = {
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
    "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li",
    "main", "nav", "ol", "p", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
SKIPPED = {"script", "style", "template", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Reader(HTMLParser):
    def __init__(self, root_class):
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        self.depth = 0 if root_class is None else None  # None: not inside the root yet
        self.lists = []
        self.lines = []
        self.current = []
        self.skipping = 0

    def _break(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.depth is None:
            if self.root_class in classes:
                self.depth = 0
            else:
                return
        if tag not in VOID:
            self.depth += 1
        if tag in SKIPPED:
            self.skipping += 1
        if self.skipping:
            return
        if tag == "br" or tag in BLOCKS:
            self._break()
        if tag == "ul":
            self.lists.append(["marked" if "marked" in classes else "bullet", 0])
        elif tag == "ol":
            self.lists.append(["number", 0])
        elif tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] += 1
            if kind[0] == "bullet":
                self.current.append("• ")
            elif kind[0] == "number":
                self.current.append(f"{attrs.get('value') or kind[1]}. ")

    def handle_endtag(self, tag):
        if self.depth is None or tag in VOID:
            return
        self.depth -= 1
        if tag in SKIPPED:
            self.skipping -= 1
        elif not self.skipping:
            if tag in BLOCKS:
                self._break()
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
        if self.depth == 0 and self.root_class is not None:
            self._break()
            self.depth = None
            self.root_class = "\0"  # read the first such element only

    def handle_data(self, data):
        if self.depth is not None and not self.skipping:
            self.current.append(data)


def page_lines(html, root_class=None):
    reader = _Reader(root_class)
    reader.feed(html)
    reader.close()
    reader._break()
    return reader.lines


def lines_in_order(expected, actual):
    """The lines of ``expected`` not found, in order, among ``actual`` (empty: all found)."""
    missing, position = [], 0
    for line in expected:
        try:
            position = actual.index(line, position) + 1
        except ValueError:
            missing.append(line)
    return missing
