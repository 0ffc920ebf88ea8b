package storetest

import (
	"context"

	"petrel"
)

// Streamed returns s as a Store whose Ingest goes through IngestStream,
// each document handed over in three parts (the first half of its rows,
// then one more of each, then the rest), so that Test checks that a
// document stored in parts is the document stored whole.
func Streamed(s petrel.StreamStore) petrel.Store { return streamed{s} }

type streamed struct{ petrel.StreamStore }

func (s streamed) Ingest(ctx context.Context, docs []*petrel.Document, dictVersion string) (petrel.IngestStats, error) {
	arts := make([]*petrel.Article, len(docs))
	for i, d := range docs {
		if d != nil {
			arts[i] = &d.Article
		}
	}
	return s.IngestStream(ctx, arts, dictVersion, func(i int, part func(*petrel.Document) error) (*petrel.Document, error) {
		d := *docs[i]
		for _, cut := range []func(n int) int{func(n int) int { return n / 2 }, func(n int) int { return min(n, 1) }} {
			p := &petrel.Document{
				Sentences: d.Sentences[:cut(len(d.Sentences))],
				Mentions:  d.Mentions[:cut(len(d.Mentions))],
				Quotes:    d.Quotes[:cut(len(d.Quotes))],
				Events:    d.Events[:cut(len(d.Events))],
			}
			if err := part(p); err != nil {
				return nil, err
			}
			d.Sentences = d.Sentences[len(p.Sentences):]
			d.Mentions = d.Mentions[len(p.Mentions):]
			d.Quotes = d.Quotes[len(p.Quotes):]
			d.Events = d.Events[len(p.Events):]
		}
		return &d, nil
	})
}
