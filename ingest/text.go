package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"petrel"
)

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// sniffLen is how much of a file the binary check looks at.
const sniffLen = 8 << 10

// textArticle makes a plain-text article of data, after the checks every
// whole-file input gets (see decodeText).
func (s *Scanner) textArticle(name, id string, data []byte) *petrel.Article {
	text, ok := s.decodeText(name, data)
	if !ok {
		return nil
	}
	return &petrel.Article{ID: id, Date: s.opts.DefaultDate, Text: text, Origin: name}
}

// decodeText turns the bytes of one file into article text: it drops a
// UTF-8 BOM, decodes UTF-16 with a BOM, refuses empty and binary input, and
// repairs invalid UTF-8 with U+FFFD, reporting each problem.
func (s *Scanner) decodeText(name string, data []byte) (string, bool) {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		// UTF-16 has NUL bytes in ASCII text, so it must be decoded before
		// the binary check. ExpectBOM takes the byte order from the BOM.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		u, err := dec.Bytes(data)
		if err == nil {
			data = u
		}
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	if len(bytes.TrimSpace(data)) == 0 {
		s.diag(name, 0, "empty file, skipped")
		return "", false
	}
	if isBinary(data) {
		s.diag(name, 0, "binary file, skipped")
		return "", false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		// Past the binary check's window: a stray NUL in text. It becomes
		// a space, byte for byte, so that every store can keep the text.
		line := 1 + bytes.Count(data[:i], []byte{'\n'})
		s.diag(name, line, "NUL characters replaced with spaces")
		data = bytes.ReplaceAll(data, []byte{0}, []byte{' '})
	}
	if i := invalidUTF8(data); i >= 0 {
		line := 1 + bytes.Count(data[:i], []byte{'\n'})
		s.diag(name, line, "invalid UTF-8, bad bytes replaced with U+FFFD")
		return strings.ToValidUTF8(string(data), "\uFFFD"), true
	}
	return string(data), true
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// isBinary reports whether b looks like binary data rather than text: it
// holds a NUL byte in its first 8 KiB, or more than 30% of those bytes are
// control characters or not valid UTF-8. Legacy 8-bit text (Latin-1) has a
// few invalid bytes and passes, to be repaired; images and archives fail.
func isBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !isSpaceByte(c) && c != 0x1b || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if !utf8.FullRune(b[i:]) {
				break // a rune cut by the 8 KiB window
			}
			bad++
		}
		i += n
	}
	return bad*10 > len(b)*3
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
