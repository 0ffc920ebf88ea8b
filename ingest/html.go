package ingest

import (
	"bytes"
	"strings"
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
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil { // html.Parse only fails on reader errors, but be safe
		s.diag(name, 0, "cannot parse HTML: "+err.Error())
		return nil
	}
	a := &petrel.Article{ID: fileID(name), Date: s.opts.DefaultDate, Origin: name}
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
