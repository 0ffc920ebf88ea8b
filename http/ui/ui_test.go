package ui_test

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"petrel/http/ui"
)

func TestFS(t *testing.T) {
	for _, name := range []string{"index.html", "app.css", "favicon.svg", "js/app.js", "js/spans.js", "codebook.json"} {
		if _, err := fs.Stat(ui.FS, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	t.Run("Codebook", func(t *testing.T) {
		b, err := fs.ReadFile(ui.FS, "codebook.json")
		if err != nil {
			t.Fatal(err)
		}
		var codes []struct {
			Code, Name string
			QuadClass  int `json:"quad_class"`
		}
		if err := json.Unmarshal(b, &codes); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range codes {
			if c.Code == "043" {
				found = c.Name != "" && c.QuadClass == 1
			}
		}
		if len(codes) < 200 || !found {
			t.Errorf("codebook.json has %d codes; 043 found with a name: %v", len(codes), found)
		}
	})
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(ui.Handler())
	defer srv.Close()
	for _, p := range []string{"/", "/js/app.js", "/codebook.json", "/missing"} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); got != ui.CSP {
			t.Errorf("GET %s: CSP %q", p, got)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", p, got)
		}
	}
	resp, err := http.Get(srv.URL + "/js/app.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("app.js Content-Type = %q: module scripts need a JavaScript MIME type", ct)
	}
}

// TestNoUnsafeDOM keeps the assets free of the constructs that would turn
// untrusted text into markup or code, and of inline code that the CSP
// would block. The browser test checks behaviour; this check is cheap and
// runs without a browser.
func TestNoUnsafeDOM(t *testing.T) {
	js := regexp.MustCompile(`\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\("on|setAttribute\("style|\.style\.cssText|srcdoc`)
	html := regexp.MustCompile(`(?i)\son[a-z]+\s*=|\sstyle\s*=|<style|<script(?:\s+type="module")?>|javascript:`)
	err := fs.WalkDir(ui.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(ui.FS, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".js"):
			for i, line := range strings.Split(string(b), "\n") {
				if m := js.FindString(line); m != "" && !strings.HasPrefix(strings.TrimSpace(line), "//") {
					t.Errorf("%s:%d: %s", p, i+1, m)
				}
			}
		case strings.HasSuffix(p, ".html"):
			if m := html.FindString(string(b)); m != "" {
				t.Errorf("%s: %s", p, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
