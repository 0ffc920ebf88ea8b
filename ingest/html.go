package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"petrel"
)

// htmlArticle extracts the main text of a web page with go-readability.
// Text is the extracted paragraphs (and headings, list items…) with white
// space collapsed, joined by "\n\n"; a <br> inside one becomes "\n".
func (s *Scanner) htmlArticle(name string, data []byte) *petrel.Article {
	data, ok := s.decodeHTML(name, data)
	if !ok {
		return nil
	}
	a := &petrel.Article{ID: fileID(name), Date: s.opts.DefaultDate, Origin: name}
	// The tree builder and go-readability both cost more than linear time
	// in the nesting depth (docs/INPUT.md, "Deeply nested pages"), and
	// html.Parse refuses pages nested deeper than 512 elements. Such a
	// page is read with the tokenizer, in linear time: its text whole,
	// without main-text extraction, and a diagnostic says so.
	if d := nestingDepth(data); d > MaxHTMLDepth {
		s.diag(name, 0, fmt.Sprintf("HTML nested %d elements deep (more than %d): main-text extraction skipped, the page's whole text taken", d, MaxHTMLDepth))
		return s.flatHTMLArticle(name, a, data)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// Only reader errors and the parser's own depth limit, which
		// nestingDepth may undercount (implied elements): read it flat.
		s.diag(name, 0, "cannot build the HTML tree ("+err.Error()+"): main-text extraction skipped, the page's whole text taken")
		return s.flatHTMLArticle(name, a, data)
	}
	a.URL = pageURL(doc)
	// readability clones doc before it edits it, so doc stays intact for the
	// fallback below.
	r, err := readability.FromDocument(doc, nil)
	if err == nil {
		a.Title = strings.Join(strings.Fields(r.Title), " ")
		a.Source = r.SiteName
		if r.PublishedTime != nil && !r.PublishedTime.IsZero() {
			a.Date = *r.PublishedTime
		}
		var b blockText
		for n := r.Node; n != nil; n = n.NextSibling {
			b.walk(n)
		}
		a.Text = b.String()
	}
	if a.Text == "" {
		// readability found no article (a very short page): take the
		// whole body rather than nothing.
		var b blockText
		b.walk(doc)
		a.Text = b.String()
	}
	if a.Text == "" {
		s.diag(name, 0, "no text in HTML page, skipped")
		return nil
	}
	return a
}

// MaxHTMLDepth is the deepest element nesting read with go-readability;
// deeper pages are read flat (see htmlArticle). Real pages nest a few dozen
// elements deep; at 500, go-readability takes about 0.2 s on a 6 KB page.
const MaxHTMLDepth = 400

// nestingDepth returns how deep the elements of an HTML page nest, counted
// on the token stream in linear time: start tags push and end tags pop,
// except void elements and those whose end tag may be left out (p, li,
// td…), which a page may leave open without nesting.
func nestingDepth(data []byte) int {
	z := html.NewTokenizer(bytes.NewReader(data))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !unnested(atom.Lookup(name)) {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !unnested(atom.Lookup(name)) && depth > 0 {
				depth--
			}
		}
	}
}

// unnested reports whether an element is void or may have its end tag
// left out, so that its start tag says nothing of the nesting depth.
func unnested(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr,
		atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Optgroup, atom.Tr, atom.Td, atom.Th,
		atom.Thead, atom.Tbody, atom.Tfoot, atom.Colgroup, atom.Rb, atom.Rt, atom.Rtc, atom.Rp,
		atom.Html, atom.Head, atom.Body:
		return true
	}
	return false
}

// flatHTMLArticle fills a from the page's token stream, in linear time
// whatever the nesting: the title, the canonical URL, and the text of the
// body as paragraphs (block elements break them; scripts, styles and the
// like are left out, as in blockText).
func (s *Scanner) flatHTMLArticle(name string, a *petrel.Article, data []byte) *petrel.Article {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b, title blockText
	var canon, og string
	skip, inHead, inTitle := 0, false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				s.diag(name, 0, "cannot read HTML: "+z.Err().Error())
			}
			break
		}
		switch tt {
		case html.TextToken:
			switch {
			case inTitle:
				title.text(string(z.Text()))
			case skip == 0 && !inHead:
				b.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tn, hasAttr := z.TagName()
			at := atom.Lookup(tn)
			var attrs map[string]string
			if hasAttr && (at == atom.Link || at == atom.Meta) {
				attrs = map[string]string{}
				for {
					k, v, more := z.TagAttr()
					attrs[string(k)] = string(v)
					if !more {
						break
					}
				}
			}
			switch at {
			case atom.Head:
				inHead = tt == html.StartTagToken
			case atom.Body:
				inHead = false
			case atom.Title:
				inTitle = tt == html.StartTagToken
			case atom.Link:
				if strings.EqualFold(attrs["rel"], "canonical") && canon == "" {
					canon = attrs["href"]
				}
			case atom.Meta:
				if attrs["property"] == "og:url" && og == "" {
					og = attrs["content"]
				}
			case atom.Br:
				if b.cur.Len() > 0 {
					b.cur.WriteByte('\n')
				}
				b.space = false
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
				atom.Iframe, atom.Object, atom.Select, atom.Button:
				if tt == html.StartTagToken {
					skip++
				}
			default:
				if isBlock(at) {
					b.flush()
				}
			}
		case html.EndTagToken:
			tn, _ := z.TagName()
			switch at := atom.Lookup(tn); at {
			case atom.Head:
				inHead = false
			case atom.Title:
				inTitle = false
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
				atom.Iframe, atom.Object, atom.Select, atom.Button:
				if skip > 0 {
					skip--
				}
			default:
				if isBlock(at) {
					b.flush()
				}
			}
		}
	}
	a.Title = strings.Join(strings.Fields(title.String()), " ")
	a.URL = strings.TrimSpace(canon)
	if a.URL == "" {
		a.URL = strings.TrimSpace(og)
	}
	a.Text = b.String()
	if a.Text == "" {
		s.diag(name, 0, "no text in HTML page, skipped")
		return nil
	}
	return a
}

// decodeHTML drops a BOM, refuses empty and binary pages, and turns the page
// into UTF-8: a page that is not valid UTF-8 but declares a charset is
// decoded from it; otherwise bad bytes are replaced with U+FFFD and reported.
// Valid UTF-8 is kept whatever the page declares, since pages labelled
// ISO-8859-1 are often UTF-8 in fact, and the reverse cannot pass utf8.Valid.
func (s *Scanner) decodeHTML(name string, data []byte) ([]byte, bool) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		if e, _, _ := charset.DetermineEncoding(data, ""); e != nil {
			if u, err := e.NewDecoder().Bytes(data); err == nil {
				data = u
			}
		}
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	if len(bytes.TrimSpace(data)) == 0 {
		s.diag(name, 0, "empty file, skipped")
		return nil, false
	}
	if isBinary(data) {
		s.diag(name, 0, "binary file, skipped")
		return nil, false
	}
	i := invalidUTF8(data)
	if i < 0 {
		return data, true
	}
	head := data[:min(len(data), 1024)]
	if bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		if e, enc, _ := charset.DetermineEncoding(data, ""); e != nil && enc != "utf-8" {
			if u, err := e.NewDecoder().Bytes(data); err == nil {
				return u, true
			}
		}
	}
	line := 1 + bytes.Count(data[:i], []byte{'\n'})
	s.diag(name, line, "invalid UTF-8, bad bytes replaced with U+FFFD")
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), true
}

// pageURL returns the page's canonical URL from <link rel=canonical> or
// <meta property=og:url>, or "".
func pageURL(doc *html.Node) string {
	var canon, og string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Body:
				return true // metadata lives in <head>
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canon == "" {
					canon = attr(n, "href")
				}
			case atom.Meta:
				if attr(n, "property") == "og:url" && og == "" {
					og = attr(n, "content")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	if canon != "" {
		return strings.TrimSpace(canon)
	}
	return strings.TrimSpace(og)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// blockText gathers the text of an HTML tree as paragraphs: each block
// element starts a new one, white space inside is collapsed.
type blockText struct {
	paras []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

func (b *blockText) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
			atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Select, atom.Button:
			return
		case atom.Br:
			if b.cur.Len() > 0 {
				b.cur.WriteByte('\n')
			}
			b.space = false
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		b.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
	if block {
		b.flush()
	}
}

// text appends s with runs of white space collapsed to one space.
func (b *blockText) text(s string) {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) {
			b.space = true
		} else {
			if b.space && b.cur.Len() > 0 && !strings.HasSuffix(b.cur.String(), "\n") {
				b.cur.WriteByte(' ')
			}
			b.space = false
			b.cur.WriteString(s[:n])
		}
		s = s[n:]
	}
}

func (b *blockText) flush() {
	p := strings.TrimSpace(b.cur.String())
	if p != "" {
		b.paras = append(b.paras, p)
	}
	b.cur.Reset()
	b.space = false
}

// String returns the paragraphs joined by blank lines.
func (b *blockText) String() string {
	b.flush()
	return strings.Join(b.paras, "\n\n")
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Main, atom.Aside, atom.Nav, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Figure, atom.Figcaption, atom.Hr, atom.Address,
		atom.Details, atom.Summary, atom.Body, atom.Html, atom.Title, atom.Form,
		atom.Fieldset, atom.Legend:
		return true
	}
	return false
}

// HTMLArticle extracts the article of one web page, as the Scanner reads a
// .html file: the main text, title, site name, publication date and
// canonical URL (empty when the page names none). name identifies the
// page in diagnostics and becomes the article's ID and Origin; date is the
// date to use when the page gives none. It returns nil, with the reason
// among the diagnostics, for a page with no text.
func HTMLArticle(name string, data []byte, date time.Time) (*petrel.Article, []petrel.Diagnostic) {
	var diags []petrel.Diagnostic
	s := &Scanner{opts: Options{DefaultDate: date, OnDiag: func(d petrel.Diagnostic) { diags = append(diags, d) }}}
	a := s.htmlArticle(name, data)
	if a != nil {
		a.ID = name
	}
	return a, diags
}
