package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"petrel"
	phttp "petrel/http"
)

// plainStore hides a store's IngestStream, so that a server stores whole
// documents.
type plainStore struct{ petrel.Store }

// TestIngestStreamed posts large requests (StreamIngestBytes and more) to
// a server that codes them while it stores them and to one that codes
// them whole, and finds the same responses and the same stored articles:
// one dense article, several articles in one request, and an article
// whose story discard comes after rows were handed over (the request is
// then coded again, whole).
func TestIngestStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("codes megabytes of text")
	}
	c := realCoder(t)
	text := newsText(t, phttp.StreamIngestBytes+100_000)
	discarded := strings.Repeat("Russia attacked Ukraine. ", phttp.StreamIngestBytes/25) + "The goalkeeper saved a penalty."
	var many []phttp.ArticleRequest
	for i := range 6 {
		many = append(many, phttp.ArticleRequest{ID: "m" + string(rune('a'+i)), Date: "2024-06-04", Text: newsText(t, 200_000+i*1000)})
	}
	many = append(many, many[2]) // the same ID and text again: unchanged
	bodies := map[string]any{
		"dense":     phttp.ArticleRequest{ID: "dense", Date: "2024-06-04", Text: text},
		"many":      many,
		"discarded": phttp.ArticleRequest{ID: "discarded", Text: discarded},
	}
	s1, s2 := MustOpenSQLite(t), MustOpenSQLite(t)
	streamed := MustOpenServer(t, phttp.Config{Store: s1, Token: "t", Coder: c})
	whole := MustOpenServer(t, phttp.Config{Store: plainStore{s2}, Token: "t", Coder: c})
	for _, name := range []string{"dense", "many", "discarded"} {
		body, err := json.Marshal(bodies[name])
		if err != nil {
			t.Fatal(err)
		}
		if len(body) < phttp.StreamIngestBytes {
			t.Fatalf("%s: %d bytes, too few to stream", name, len(body))
		}
		st1, r1 := do(t, "POST", streamed.URL()+"/api/articles", "t", body)
		st2, r2 := do(t, "POST", whole.URL()+"/api/articles", "t", body)
		if st1 != 200 || st2 != 200 || !bytes.Equal(r1, r2) {
			t.Fatalf("%s: streamed %d %.300s; whole %d %.300s", name, st1, r1, st2, r2)
		}
		var resp phttp.IngestResponse
		if err := json.Unmarshal(r1, &resp); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s", name, r1[:min(len(r1), 200)])
		for _, a := range resp.Articles {
			var a1, a2 petrel.StoredArticle
			get(t, streamed.URL()+"/api/articles/"+a.ID, &a1)
			get(t, whole.URL()+"/api/articles/"+a.ID, &a2)
			a1.CodedAt, a2.CodedAt = time.Time{}, time.Time{} // when each was coded
			j1, _ := json.Marshal(a1)
			j2, _ := json.Marshal(a2)
			if !bytes.Equal(j1, j2) {
				k := 0
				for k < len(j1) && k < len(j2) && j1[k] == j2[k] {
					k++
				}
				t.Logf("first difference at %d: %.200s | %.200s", k, j1[max(0, k-100):], j2[max(0, k-100):])
				t.Errorf("%s: article %s stored differently: %d and %d bytes of JSON, %d and %d events, %d and %d mentions",
					name, a.ID, len(j1), len(j2), len(a1.Events), len(a2.Events), len(a1.Mentions), len(a2.Mentions))
			}
		}
	}
	n1, err1 := s1.Counts(context.Background())
	n2, err2 := s2.Counts(context.Background())
	if err1 != nil || err2 != nil || n1 != n2 {
		t.Errorf("counts: streamed %+v, whole %+v", n1, n2)
	}
}
