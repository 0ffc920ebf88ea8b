package coder_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"petrel"
	"petrel/coder"
	"petrel/dict"
	"petrel/dict/native"
	"petrel/dicts"
)

// TestExplainDropped checks that explaining says why each candidate event
// was dropped.
func TestExplainDropped(t *testing.T) {
	base := time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)
	dyad := func() *coder.Coder {
		var diags dict.Diagnostics
		d, err := native.Load(dicts.FS, &diags)
		if err != nil {
			t.Fatal(err)
		}
		opt := coder.DefaultOptions
		opt.RequireDyad = true
		return coder.New(d, opt)
	}()
	tests := []struct {
		name string
		c    *coder.Coder
		text string
		want string
	}{
		{"negated", builtin(t), "Russia did not attend the talks.", `DROPPED "attend" [042]: negated (not)`},
		{"no coded source", builtin(t), "The report criticised Israel.", `DROPPED "criticised" [111]: no coded source`},
		{"uncoded subject", builtin(t), "Protesters criticised Israel.", `DROPPED "criticised" [111]: no coded source ("Protesters" is no actor`},
		{"hypothetical", builtin(t), "If Iran attacks Israel, the U.S. will respond.", `DROPPED "attacks" [190]: in an if/unless clause`},
		{"agentless passive", builtin(t), "The delegation was welcomed in Islamabad.", `DROPPED "welcomed" [051]: agentless passive`},
		{"statement without target", builtin(t), "Russia said it was ready.", `DROPPED "said" [010]: a statement with no target`},
		{"what an accusation alleges", builtin(t), "Russia accused the UAE of arming the RSF.", `DROPPED "arming": what the verb before it alleges`},
		{"same actor", builtin(t), "Russia criticised Russia.", `DROPPED 111 RUS → RUS: source and target are the same actor`},
		{"require dyad", dyad, "Russia condemned the attack.", `DROPPED 111 RUS → (none): no target, and --require-dyad is set`},
		{"noun without party", builtin(t), "Russia thanked Britain for the talks.", `DROPPED "talks": a noun with no party named`},
		{"sentence discard", builtin(t), "Iran beat Israel in a World Cup qualifier.", "sentence 0 discarded by discards.txt"},
		{"story discard", builtin(t), "Russia condemned Ukraine. The goalkeeper saved a penalty.", "story discarded by discards.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tt.c.Explain(&petrel.Article{ID: "t", Text: tt.text, Date: base}, func(format string, args ...any) {
				fmt.Fprintf(&b, format+"\n", args...)
			})
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("%q: explain lacks %q:\n%s", tt.text, tt.want, b.String())
			}
		})
	}
}
