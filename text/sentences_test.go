package text_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"petrel"
	"petrel/text"
)

// sentenceCase is one golden segmentation case from testdata/sentences.json.
type sentenceCase struct {
	Name   string   `json:"name"`
	Input  string   `json:"input"`
	Output []string `json:"output"`
}

func TestSentencesGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/sentences.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []sentenceCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			spans := text.Sentences(tc.Input, nil)
			checkSpans(t, tc.Input, spans)
			got := make([]string, len(spans))
			for i, s := range spans {
				got[i] = tc.Input[s.Start:s.End]
			}
			if strings.Join(got, "\n|") != strings.Join(tc.Output, "\n|") {
				t.Errorf("Sentences(%q)\n got: %q\nwant: %q", tc.Input, got, tc.Output)
			}
		})
	}
}

// checkSpans fails t unless spans are the valid sentence spans of s:
// inside s, non-empty, increasing, non-overlapping, trimmed.
func checkSpans(t testing.TB, s string, spans []petrel.Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if !sp.In(len(s)) || sp.Len() <= 0 || sp.Start < prev {
			t.Fatalf("span %d %v invalid (prev end %d, len %d)", i, sp, prev, len(s))
		}
		v := s[sp.Start:sp.End]
		if strings.TrimSpace(v) != v {
			t.Fatalf("span %d %q not trimmed", i, v)
		}
		prev = sp.End
	}
}

func TestSentencesAppends(t *testing.T) {
	dst := []petrel.Span{{Start: 1, End: 2}}
	dst = text.Sentences("One. Two.", dst)
	if got, want := len(dst), 3; got != want {
		t.Fatalf("len = %d, want %d", got, want)
	}
	if dst[0] != (petrel.Span{Start: 1, End: 2}) {
		t.Errorf("existing element changed: %v", dst[0])
	}
}

func TestSentencesArticle(t *testing.T) {
	b, err := os.ReadFile("../../shared/articles/moscow-talks.txt")
	if err != nil {
		t.Skip("shared article ../../shared/articles/moscow-talks.txt not available:", err)
	}
	s := string(b)
	spans := text.Sentences(s, nil)
	checkSpans(t, s, spans)
	if got, want := len(spans), 24; got != want {
		t.Errorf("got %d sentences, want %d", got, want)
	}
	for _, want := range []string{"“A new admin", "“We note the", "Wednesday’s ", "But Moscow m"} {
		found := false
		for _, sp := range spans {
			if strings.HasPrefix(s[sp.Start:sp.End], want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no sentence starts with %q", want)
		}
	}
	// The sentence ending in a closing quote and a period keeps both.
	for _, sp := range spans {
		if v := s[sp.Start:sp.End]; strings.Contains(v, "going forward") && !strings.HasSuffix(v, "”.") {
			t.Errorf("sentence %q should end with ”.", v)
		}
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		in, body string // body is "" when there is no dateline
	}{
		{"MOSCOW (Reuters) - Russia said on Monday it would talk.", "Russia said on Monday it would talk."},
		{"WASHINGTON, Oct 20 (AP) — The envoy arrived.", "The envoy arrived."},
		{"NEW YORK, Oct. 20 (Reuters) -- Stocks fell.", "Stocks fell."},
		{"LONDON - Prices rose.", "Prices rose."},
		{"KYIV—Officials said.", "Officials said."},
		{"ST. PETERSBURG (AP) - The ship left.", "The ship left."},
		{"BOGOTÁ, Colombia (AP) – Rebels met.", "Rebels met."},
		{"Moscow said on Monday - in a statement - that it would talk.", ""},
		{"UN - Security Council meets.", ""},
		{"UN (Reuters) - The council met.", "The council met."},
		{"The U.S. - led coalition struck.", ""},
		{"NATO said it would respond.", ""},
		{"MOSCOW (Reuters) -", ""},
		{"AL-ARISH, Egypt (Reuters) - Gunmen attacked.", "Gunmen attacked."},
		{"SANTA CRUZ DE LA SIERRA - Miners marched.", "Miners marched."},
		{"TROOPS SHOT 20 DEAD IN THE NORTH - OPPOSITION.", ""},
		{"", ""},
	}
	for _, tc := range tests {
		s := petrel.Span{Start: 0, End: len(tc.in)}
		got := text.Dateline(tc.in, s)
		want := 0
		if tc.body != "" {
			want = strings.Index(tc.in, tc.body)
		}
		if got != want {
			t.Errorf("Dateline(%q) = %d (%q), want %d (%q)", tc.in, got, tc.in[got:], want, tc.in[want:])
		}
	}
	// Offsets are into the whole text.
	full := "Earlier. " + tests[0].in
	s := petrel.Span{Start: 9, End: len(full)}
	if got, want := text.Dateline(full, s), 9+strings.Index(tests[0].in, "Russia"); got != want {
		t.Errorf("Dateline with offset span = %d, want %d", got, want)
	}
	if got := text.Dateline("abc", petrel.Span{Start: 2, End: 10}); got != 2 {
		t.Errorf("Dateline on bad span = %d, want 2", got)
	}
}
