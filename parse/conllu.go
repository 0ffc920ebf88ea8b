package parse

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A Word is one syntactic word of a CoNLL-U sentence. Head is 1-based (0
// for the root) and -1 when unknown.
type Word struct {
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Head  int
	Rel   string
	Misc  string // the MISC column: petrel writes TokenRange=START:END, byte offsets into the text
}

// A Sentence is the words of one CoNLL-U sentence, without multiword-token
// ranges or empty nodes, and its comment lines.
type Sentence struct {
	Comments []string
	Words    []Word
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. Multiword-token range
// lines (1-2) and empty nodes (8.1) are skipped: the parser works on
// syntactic words. It returns an error naming the line of the first
// malformed word line.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			cur.Comments = append(cur.Comments, s)
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return out, fmt.Errorf("conllu line %d: %d fields, want 10", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		head := -1
		if f[6] != "_" {
			h, err := strconv.Atoi(f[6])
			if err != nil {
				return out, fmt.Errorf("conllu line %d: head %q", line, f[6])
			}
			head = h
		}
		cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Head: head, Rel: f[7], Misc: f[9]})
	}
	flush()
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("conllu: %w", err)
	}
	for _, s := range out {
		for _, w := range s.Words {
			if w.Head > len(s.Words) {
				return out, fmt.Errorf("conllu: head %d beyond sentence of %d words", w.Head, len(s.Words))
			}
		}
	}
	return out, nil
}

// WriteCoNLLU writes one sentence in CoNLL-U: the comments, the words with
// their tags, heads and relations, and a blank line. Empty fields are "_".
func WriteCoNLLU(w io.Writer, s Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for i, wd := range s.Words {
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t%s\n", i+1, field(wd.Form), field(wd.Lemma),
			field(wd.UPOS), field(wd.XPOS), head, field(wd.Rel), field(wd.Misc))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// field returns s as a CoNLL-U field: "_" when empty, and with tabs and
// newlines replaced by spaces so a field never breaks the line.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}
