package ingest

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeFast decodes a JSON Lines record without reflection. It handles the
// shape every feed we know writes: one flat object whose values are strings,
// numbers, booleans or null. It reports false for anything else (nested
// values, \u surrogates, keys that match a field only case-insensitively,
// malformed JSON, ...) and the caller then uses encoding/json, which decides
// and reports errors. When it reports true, rec holds exactly what
// json.Unmarshal would have stored (FuzzDecodeFast checks this).
//
// Why: encoding/json's reflection, validation pass and unquoting cost more
// than a tenth of a whole coding run on the Reuters corpus; this scans each
// byte once. The line must be valid UTF-8 (the caller checks). scratch is
// a buffer for unescaping, reused across calls.
func decodeFast(line []byte, rec *record, scratch *[]byte) bool {
	i := skipWS(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipWS(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipWS(line, i+1) == len(line)
	}
	for {
		// Key.
		if i >= len(line) || line[i] != '"' {
			return false
		}
		ks := i + 1
		ke := ks
		for ke < len(line) && line[ke] != '"' {
			if c := line[ke]; c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
				return false // escaped or non-ASCII keys: let encoding/json fold them
			}
			ke++
		}
		if ke >= len(line) {
			return false
		}
		key := line[ks:ke]
		i = skipWS(line, ke+1)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipWS(line, i+1)
		if i >= len(line) {
			return false
		}
		// Field.
		var dst *string
		isID := false
		switch string(key) {
		case "id":
			isID = true
		case "date":
			dst = &rec.Date
		case "title":
			dst = &rec.Title
		case "text":
			dst = &rec.Text
		case "url":
			dst = &rec.URL
		case "source":
			dst = &rec.Source
		default:
			for _, f := range [...]string{"id", "date", "title", "text", "url", "source"} {
				if strings.EqualFold(string(key), f) {
					return false // encoding/json matches keys case-insensitively
				}
			}
		}
		// Value.
		switch c := line[i]; {
		case c == '"':
			s, end, ok := scanString(line, i, scratch)
			if !ok {
				return false
			}
			switch {
			case isID:
				rec.ID = flexString(s)
			case dst != nil:
				*dst = s
			}
			i = end
		case c == '-' || '0' <= c && c <= '9':
			end, ok := scanNumber(line, i)
			if !ok {
				return false
			}
			switch {
			case isID:
				rec.ID = flexString(line[i:end])
			case dst != nil:
				return false // a number in a string field: a type error
			}
			i = end
		case c == 'n':
			if !hasLit(line, i, "null") {
				return false
			}
			if isID {
				rec.ID = "" // flexString reads null as empty
			}
			// null leaves a string field as it was, as encoding/json does
			i += 4
		case c == 't' || c == 'f':
			lit := "true"
			if c == 'f' {
				lit = "false"
			}
			if !hasLit(line, i, lit) || isID || dst != nil {
				return false
			}
			i += len(lit)
		default:
			return false // objects, arrays, garbage
		}
		i = skipWS(line, i)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipWS(line, i+1)
		case '}':
			return skipWS(line, i+1) == len(line)
		default:
			return false
		}
	}
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func hasLit(b []byte, i int, lit string) bool {
	return len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// scanNumber returns the end of the JSON number at b[i], per RFC 8259.
func scanNumber(b []byte, i int) (int, bool) {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		s := i + 1
		if i = skipDigits(b, s); i == s {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		s := i
		if i = skipDigits(b, s); i == s {
			return 0, false
		}
	}
	return i, true
}

// skipDigits returns the index after the run of ASCII digits at b[i].
func skipDigits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// scanString decodes the JSON string starting with the quote at b[i] and
// returns it and the index after its closing quote. A string with escapes
// is unescaped in *scratch, which is reused across calls.
func scanString(b []byte, i int, scratch *[]byte) (string, int, bool) {
	s := i + 1
	j := s
	for j < len(b) {
		c := b[j]
		if c == '"' {
			return string(b[s:j]), j + 1, true // the common case: no escapes, one copy
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", 0, false
		}
		j++
	}
	if j >= len(b) {
		return "", 0, false
	}
	out := append((*scratch)[:0], b[s:j]...)
	defer func() { *scratch = out[:0] }()
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			return string(out), j + 1, true
		case c < 0x20:
			return "", 0, false
		case c != '\\':
			out = append(out, c)
			j++
			continue
		}
		if j+1 >= len(b) {
			return "", 0, false
		}
		switch e := b[j+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if j+6 > len(b) {
				return "", 0, false
			}
			r := rune(0)
			for _, h := range b[j+2 : j+6] {
				switch {
				case '0' <= h && h <= '9':
					h -= '0'
				case 'a' <= h && h <= 'f':
					h = h - 'a' + 10
				case 'A' <= h && h <= 'F':
					h = h - 'A' + 10
				default:
					return "", 0, false
				}
				r = r<<4 | rune(h)
			}
			if utf16.IsSurrogate(r) {
				return "", 0, false // pairs and lone halves: encoding/json's rules
			}
			out = utf8.AppendRune(out, r)
			j += 6
			continue
		default:
			return "", 0, false
		}
		j += 2
	}
	return "", 0, false
}
