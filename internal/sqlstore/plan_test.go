package sqlstore_test

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"petrel/internal/sqlstore"
)

func TestTextHash(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b string
		same bool
	}{
		{"SameOK", "Russia met Ukraine.", "Russia met Ukraine.", true},
		{"CaseAndSpaceIgnored", "Russia  met\nUkraine. ", "  russia met ukraine.", true},
		{"WordsDiffer", "Russia met Ukraine.", "Russia met Belarus.", false},
		{"PunctuationCounts", "Russia met Ukraine.", "Russia met Ukraine!", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqlstore.TextHash(tt.a) == sqlstore.TextHash(tt.b); got != tt.same {
				t.Errorf("same hash = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestStoryKey(t *testing.T) {
	body := strings.Repeat("The central bank raised interest rates again on Tuesday. ", 8)
	for _, tt := range []struct {
		name string
		a, b string
		same bool
	}{
		{"DatelinesIgnored", "MOSCOW (Reuters) - " + body, "MOSCOW (AP) -- " + body, true},
		{"TailIgnored", body + "Extra paragraph.", body + "Another one entirely.", true},
		{"PunctuationIgnored", strings.ReplaceAll(body, ".", ","), body, true},
		{"DifferentStories", body, "Officials said " + body, false},
		{"ShortTextsUseWholeText", "Russia met Ukraine.", "Russia met Ukraine today.", false},
		{"LowerCaseLeadNotDateline", "moscow said - " + body, body, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sqlstore.StoryKey(tt.a) == sqlstore.StoryKey(tt.b); got != tt.same {
				t.Errorf("same key = %v, want %v", got, tt.same)
			}
		})
	}
}

// textHashRune and storyKeyRune are TextHash and StoryKey as first
// written, rune by rune: stored keys depend on their exact output.
func textHashRune(text string) string {
	h := sha256.New()
	var buf [utf8.UTFMax]byte
	space, started := false, false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		h.Write(buf[:n])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func storyWordsRune(text string) (string, int) {
	h := sha256.New()
	words, inWord := 0, false
	var buf [utf8.UTFMax]byte
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				if words == sqlstore.StoryWords {
					break
				}
				if words > 0 {
					h.Write([]byte{' '})
				}
				words++
				inWord = true
			}
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h.Write(buf[:n])
			continue
		}
		inWord = false
	}
	return "s" + hex.EncodeToString(h.Sum(nil)[:10]), words
}

// TestKeysUnchanged checks the fast TextHash and StoryKey against the rune
// by rune originals on texts mixing ASCII, other scripts, odd spaces and
// invalid UTF-8.
func TestKeysUnchanged(t *testing.T) {
	parts := []string{"Russia", " ", "MET", "\t", "Ükraine", "\u00a0", "\u0085", "Ⅻ", "İstanbul", "\xff", "\xe2\x82",
		"ΣΟΦΊΑ", "日本", "🙂", "\n\n", "  ", "1987", ",", ".", "-", "ǅ", "\u2028", "ſ", "K"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(200) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got, want := sqlstore.TextHash(s), textHashRune(s); got != want {
			t.Fatalf("text %d %q: TextHash = %s, rune by rune %s", i, s, got, want)
		}
		// Texts without a dateline: StoryKey hashes their words.
		s = "x " + s
		if want, words := storyWordsRune(s); words >= 12 {
			if got := sqlstore.StoryKey(s); got != want {
				t.Fatalf("text %d %q: StoryKey = %s, rune by rune %s", i, s, got, want)
			}
		}
	}
}
