package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenExamples runs `petrel code` over every file in examples/ in each
// output format and compares the output with testdata/golden/. Regenerate
// with UPDATE_GOLDEN=1 and review the diff.
func TestGoldenExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		for _, format := range []string{"jsonl", "csv", "gdelt"} {
			name := filepath.Base(f) + "." + format
			t.Run(name, func(t *testing.T) {
				var out, errb bytes.Buffer
				m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
				// .txt articles carry no date; give them one so relative
				// dates resolve the same way every run.
				if err := m.Run(context.Background(), []string{"code", "--format", format, "--date", "2024-06-04", f}); err != nil {
					t.Fatalf("petrel code: %v\n%s", err, errb.String())
				}
				expectGolden(t, filepath.Join("../../testdata/golden", name), out.Bytes())
			})
		}
	}
}

// expectGolden compares got with the golden file, or rewrites the file when
// UPDATE_GOLDEN=1.
func expectGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got  %s\n want %s\n(regenerate with UPDATE_GOLDEN=1 and review the diff)", path, i+1, g, w)
			}
		}
	}
}
