package ingest

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// decodeFastCases are lines decodeFast must decode as encoding/json does,
// or leave to it.
var decodeFastCases = []string{
	`{"id":"1","date":"1987-02-26","title":"T","text":"Hello world."}`,
	`{"id": 12, "text": "a"}`,
	`{"id":-1.5e3,"text":"a"}`,
	`{"id":null,"text":"a"}`,
	`{"id":"x","id":null,"text":"a"}`,
	`{"text":"a","text":null}`,
	`{"text":"line\nbreak \"q\" \\ \/ \t \u00e9 \u2028 \u0000"}`,
	`{"text":"surrogate \ud83d\ude00"}`,
	`{"text":"lone \ud83d"}`,
	`{"Text":"case folded"}`,
	`{"TEXT":"case folded","text":"exact"}`,
	`{"text":"a","extra":{"nested":1}}`,
	`{"text":"a","extra":[1,2]}`,
	`{"text":"a","n":1,"b":true,"f":false,"z":null}`,
	`{"text":1}`,
	`{"text":true}`,
	`{"id":true,"text":"a"}`,
	`{}`,
	` { "text" : "spaced" } `,
	`{"text":"a",}`,
	`{"text":"a"} x`,
	`{"text":"a"`,
	`{"text":"bad \x escape"}`,
	"{\"text\":\"raw\ttab\"}",
	`{"text":"é non-ascii ✓"}`,
	`{"ſource":"long s"}`,
	`[1,2]`,
	`"text"`,
	`{"id":01,"text":"a"}`,
	`{"id":1.,"text":"a"}`,
	`{"id":-,"text":"a"}`,
	`{"url":"http://x","source":"s","text":"t"}`,
}

func TestDecodeFast(t *testing.T) {
	for _, c := range decodeFastCases {
		checkDecodeFast(t, []byte(c))
	}
}

func FuzzDecodeFast(f *testing.F) {
	for _, c := range decodeFastCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if !utf8.Valid(line) {
			return // the caller never uses the fast path then
		}
		checkDecodeFast(t, line)
	})
}

// checkDecodeFast checks that when decodeFast accepts line, encoding/json
// accepts it too and stores the same record.
func checkDecodeFast(t *testing.T, line []byte) {
	t.Helper()
	var fast, slow record
	var scratch []byte
	if !decodeFast(line, &fast, &scratch) {
		return
	}
	if err := json.Unmarshal(line, &slow); err != nil {
		t.Errorf("%s: decodeFast accepted what encoding/json rejects: %v", line, err)
		return
	}
	if fast != slow {
		t.Errorf("%s:\n  fast %+v\n  json %+v", line, fast, slow)
	}
}
