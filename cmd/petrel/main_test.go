package main

import (
	"bufio"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"petrel"
)

// TestMain lets a test run this test binary as the petrel program, for
// what only a real process shows (signals): with PETREL_TEST_MAIN=1 it
// runs main with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("PETREL_TEST_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{"petrel"}, os.Args[i+1:]...)
				break
			}
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startPetrel starts petrel as a child process with args and returns it
// with a reader of its standard error.
func startPetrel(t *testing.T, args ...string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "PETREL_TEST_MAIN=1", "PETREL_TOKEN=", "PETREL_DB=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewReader(stderr)
}

// waitLine reads lines from r until one matches re and returns its
// submatches, failing after 30 s.
func waitLine(t *testing.T, r *bufio.Reader, re *regexp.Regexp) []string {
	t.Helper()
	type result struct {
		m   []string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		var seen strings.Builder
		for {
			line, err := r.ReadString('\n')
			seen.WriteString(line)
			if m := re.FindStringSubmatch(line); m != nil {
				ch <- result{m: m}
				return
			}
			if err != nil {
				ch <- result{err: io.ErrUnexpectedEOF}
				t.Logf("stderr so far:\n%s", seen.String())
				return
			}
		}
	}()
	select {
	case res := <-ch:
		if res.err != nil {
			t.Fatalf("petrel ended without printing a line matching %s", re)
		}
		return res.m
	case <-time.After(30 * time.Second):
		t.Fatalf("no line matching %s after 30 s", re)
	}
	return nil
}

func TestServeHelpShowsLoopbackDefault(t *testing.T) {
	_, stderr, _ := runMain(t, nil, "serve", "-h")
	if !strings.Contains(stderr, `(default "127.0.0.1:8080")`) {
		t.Fatalf("serve -h does not show the loopback default:\n%s", stderr)
	}
	if !strings.Contains(stderr, "-allow-anonymous-writes") {
		t.Errorf("serve -h does not show --allow-anonymous-writes")
	}
}

// TestServeSIGTERM starts petrel serve on :0, checks the address it
// prints and that an anonymous write is refused, then sends SIGTERM while
// a request is in flight: the request must still be answered and petrel
// exit 0, as after Ctrl-C.
func TestServeSIGTERM(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if _, stderr, err := runMain(t, nil, "ingest", "--db", db, writeCorpus(t, 3)); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	cmd, stderr := startPetrel(t, "serve", "--db", db, "--addr", "127.0.0.1:0")
	m := waitLine(t, stderr, regexp.MustCompile(`serving on (http://127\.0\.0\.1:([0-9]+)) \(loopback only\)`))
	base, port := m[1], m[2]
	if port == "0" {
		t.Fatal("printed port 0, not the port listened on")
	}

	resp, err := http.Post(base+"/api/articles", "application/json", strings.NewReader(`{"id":"a","text":"Russia met Ukraine."}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "--token") ||
		!strings.Contains(string(body), "PETREL_TOKEN") || !strings.Contains(string(body), "--allow-anonymous-writes") {
		t.Fatalf("anonymous POST /api/articles: %d %s, want 403 naming --token, PETREL_TOKEN and --allow-anonymous-writes", resp.StatusCode, body)
	}

	// A request whose body is half sent is in flight: its handler is
	// reading the body when the signal comes.
	conn, err := net.Dial("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	payload := `{"id":"x","text":"Russia accused Ukraine of shelling."}`
	half := len(payload) / 2
	if _, err := io.WriteString(conn, "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"+
		"Content-Length: "+strconv.Itoa(len(payload))+"\r\n\r\n"+payload[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitLine(t, stderr, regexp.MustCompile(`shutting down`))
	if _, err := io.WriteString(conn, payload[half:]); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	r, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the request in flight at SIGTERM got no answer: %v", err)
	}
	if r.StatusCode != http.StatusOK {
		t.Fatalf("the request in flight at SIGTERM: status %d", r.StatusCode)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("petrel serve after SIGTERM: %v, want exit 0", err)
	}
}

func TestStatsJSONKeepsAngleBrackets(t *testing.T) {
	var b strings.Builder
	rows := []petrel.StatsRow{{Key: "RUS>UKR", Count: 2, Goldstein: -2}}
	if err := writeStats(&b, "jsonl", petrel.ByDyad, rows); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, `"RUS>UKR"`) || strings.Contains(got, `\u003e`) {
		t.Fatalf("stats JSON = %s, want the key RUS>UKR unescaped", got)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		t.Run(arg, func(t *testing.T) {
			stdout, stderr, err := runMain(t, nil, arg)
			if err != nil {
				t.Fatalf("%v %s", err, stderr)
			}
			for _, want := range []string{"petrel ", "go: " + runtime.Version(), "revision: ", "dictionaries: dict-"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("%s output lacks %q:\n%s", arg, want, stdout)
				}
			}
		})
	}
	// The dictionary ID is the one events coded with the built-in
	// dictionaries record.
	_, id, err := (&Main{Stderr: io.Discard}).loadDictionary(&coderFlags{builtin: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := builtinDictID(); got != id {
		t.Fatalf("version shows dictionaries %s, the coder records %s", got, id)
	}
}

func TestSkippedFilesReported(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Russia accused Ukraine of shelling.", "notes.md": "# notes", "table.csv": "a,b", "scan.pdf": "%PDF",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := "skipped 3 files of unknown type"
	t.Run("code", func(t *testing.T) {
		_, stderr, err := runMain(t, nil, "code", "--format", "jsonl", dir)
		if err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		if !strings.Contains(stderr, want) || !strings.Contains(stderr, filepath.Join(dir, "notes.md")) ||
			!strings.Contains(stderr, filepath.Join(dir, "scan.pdf")) || !strings.Contains(stderr, filepath.Join(dir, "table.csv")) {
			t.Fatalf("stderr = %q, want %q with the three names", stderr, want)
		}
	})
	t.Run("ingest", func(t *testing.T) {
		_, stderr, err := runMain(t, nil, "ingest", "--db", filepath.Join(t.TempDir(), "p.db"), dir)
		if err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		if !strings.Contains(stderr, want) {
			t.Fatalf("stderr = %q, want %q", stderr, want)
		}
	})
}

func TestExplainFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(path, []byte("Russia accused Ukraine of shelling the plant.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("File", func(t *testing.T) {
		stdout, stderr, err := runMain(t, nil, "explain", path)
		if err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		if !strings.Contains(stdout, "article story (") || !strings.Contains(stdout, "1 event(s)") || !strings.Contains(stdout, "RUS (Russia) → UKR (Ukraine)") {
			t.Fatalf("explain FILE did not explain the file:\n%s", stdout)
		}
	})
	t.Run("ForceText", func(t *testing.T) {
		stdout, _, _ := runMain(t, nil, "explain", "--text", path)
		if !strings.Contains(stdout, "0 event(s)") || strings.Contains(stdout, "RUS (Russia)") {
			t.Fatalf("explain --text FILE did not explain the name as text:\n%s", stdout)
		}
	})
	t.Run("Stdin", func(t *testing.T) {
		var out, errb strings.Builder
		m := &Main{Stdin: strings.NewReader("France praised Germany."), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
		if err := m.Run(t.Context(), []string{"explain", "-"}); err != nil {
			t.Fatalf("%v %s", err, errb.String())
		}
		if !strings.Contains(out.String(), "FRA (France) → DEU (Germany)") {
			t.Fatalf("explain - did not read stdin:\n%s", out.String())
		}
	})
	t.Run("MissingFileNamed", func(t *testing.T) {
		_, stderr, _ := runMain(t, nil, "explain", "nosuch.txt")
		if !strings.Contains(stderr, "there is no file nosuch.txt") {
			t.Fatalf("stderr = %q", stderr)
		}
	})
	t.Run("Sentence", func(t *testing.T) {
		stdout, _, err := runMain(t, nil, "explain", "Russia accused Ukraine of shelling.")
		if err != nil || !strings.Contains(stdout, "RUS (Russia) → UKR (Ukraine)") {
			t.Fatalf("%v\n%s", err, stdout)
		}
	})
}

func TestServeAnnounce(t *testing.T) {
	for _, tt := range []struct {
		name      string
		ip        string
		token     bool
		anon      bool
		want, not []string
	}{
		{"Loopback", "127.0.0.1", false, false, []string{"serving on http://127.0.0.1:8080 (loopback only)", "writes are disabled"}, []string{"warning"}},
		{"EveryInterfaceNoToken", "0.0.0.0", false, false, []string{"every network interface, port 8080", "warning: no --token", "read every stored event"}, nil},
		{"EveryInterfaceAnonWrites", "::", false, true, []string{"warning: no --token", "read and write the store"}, []string{"writes are disabled"}},
		{"NetworkWithToken", "192.0.2.7", true, false, []string{"serving on http://192.0.2.7:8080"}, []string{"warning", "writes are disabled"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			m := &Main{Stderr: &b}
			addr := &net.TCPAddr{IP: net.ParseIP(tt.ip), Port: 8080}
			url := "http://" + net.JoinHostPort(tt.ip, "8080")
			if addr.IP.IsUnspecified() {
				url = "http://127.0.0.1:8080"
			}
			m.announce(addr, url, tt.token, tt.anon)
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			for _, w := range tt.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("output has %q:\n%s", w, b.String())
				}
			}
		})
	}
}

// TestCodePipedStdin checks that `petrel code` with no PATH reads text
// piped into it, and still prints its usage when standard input is not
// piped (a terminal).
func TestCodePipedStdin(t *testing.T) {
	for _, piped := range []bool{true, false} {
		var out, errb strings.Builder
		m := &Main{Stdin: strings.NewReader("France praised Germany."), Stdout: &out, Stderr: &errb,
			Getenv: func(string) string { return "" }, StdinPiped: piped}
		err := m.Run(t.Context(), []string{"code", "--format", "jsonl", "--date", "2024-01-02"})
		if piped {
			if err != nil || !strings.Contains(out.String(), `"code":"051"`) || !strings.Contains(out.String(), `"source":{"text":"France"`) {
				t.Fatalf("piped: err %v, stdout %q, stderr %q", err, out.String(), errb.String())
			}
			continue
		}
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(errb.String(), "Usage: petrel code") || out.Len() != 0 {
			t.Fatalf("not piped: err %v, stdout %q, stderr %q", err, out.String(), errb.String())
		}
	}
}
