"""What an HTML page names that a browser would load or run, for the page checks
(check-report-html.sh, check-trend-html.sh)."""
import re
from html.parser import HTMLParser

LOADING_ELEMENTS = ('script', 'iframe', 'object', 'embed', 'link', 'img', 'video', 'audio', 'source',
                    'image', 'use', 'base', 'form')
LOADING_ATTRIBUTES = ('src', 'srcset', 'action', 'poster', 'data', 'background', 'formaction', 'xlink:href')


class Loads(HTMLParser):
    """Collects, in `found`, every element, attribute and stylesheet rule of a page that loads or
    runs something; `<a href>` is navigation and allowed when `allow_links`."""

    def __init__(self, allow_links=False):
        super().__init__(convert_charrefs=True)
        self.allow_links = allow_links
        self.found, self.scripts, self.in_style, self.style = [], 0, False, ''

    def handle_starttag(self, tag, attrs):
        if tag in LOADING_ELEMENTS:
            self.found.append('<%s> element' % tag)
        if tag == 'script':
            self.scripts += 1
        for name, value in attrs:
            value = value or ''
            if name in LOADING_ATTRIBUTES or (name == 'href' and not (self.allow_links and tag == 'a')):
                self.found.append('%s="%s" on <%s>' % (name, value[:60], tag))
            elif name.startswith('on'):
                self.found.append('event handler %s on <%s>' % (name, tag))
            elif 'url(' in value.replace(' ', '').lower():
                self.found.append('url() in %s on <%s>' % (name, tag))
        self.in_style = tag == 'style'

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style += data


def loads(page, allow_links=False):
    """Everything `page` (HTML text) names to load or run, as short descriptions."""
    parser = Loads(allow_links)
    parser.feed(page)
    found = list(parser.found)
    if re.search(r'url\s*\(|@import', parser.style, re.I):
        found.append('url() or @import in the stylesheet')
    return found
