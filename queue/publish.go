package queue

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"petrel"
)

// PublishStats counts what a Publisher did.
type PublishStats struct {
	Published  int   `json:"published"`  // stored by the server
	Duplicates int   `json:"duplicates"` // dropped by the server: the message ID was seen within the window
	Bytes      int64 `json:"bytes"`      // payload bytes sent
}

// A Publisher puts articles on the stream asynchronously: Publish returns
// as soon as the message is handed to the client, and Flush waits for the
// server's acknowledgement of everything published. A Publisher is not
// safe for concurrent use.
type Publisher struct {
	q *Queue
	// Tag, when set, is appended to each message ID ("ID@hash#tag") so
	// that a deliberate second run of the same articles (a recode after a
	// dictionary change) is not dropped as a duplicate within the window.
	Tag     string
	pending []jetstream.PubAckFuture
	stats   PublishStats
}

// Publisher returns a Publisher on q.
func (q *Queue) Publisher() *Publisher { return &Publisher{q: q} }

// window is how many acknowledgements a Publisher lets pile up before it
// collects the older half: collecting in halves keeps the server busy
// while the client counts.
const window = 2048

// ErrTooLarge is returned by Publish for an article whose message exceeds
// the server's max_payload.
var ErrTooLarge = petrel.Errorf(petrel.ETOOLARGE, "article larger than the server's max_payload")

// Publish hands a to the server. It returns ErrTooLarge for an article the
// server would refuse and EINVALID for one no store can keep, without
// stopping the Publisher; any other error (the connection, an earlier
// message the server refused) is final.
func (p *Publisher) Publish(ctx context.Context, a *petrel.Article) error {
	if err := check(a); err != nil {
		return err
	}
	b, err := encode(a)
	if err != nil {
		return fmt.Errorf("encode %s: %w", a.ID, err)
	}
	if int64(len(b))+256 > p.q.MaxPayload() {
		return ErrTooLarge
	}
	id := msgID(a)
	if p.Tag != "" {
		id += "#" + p.Tag
	}
	msg := &nats.Msg{Subject: p.q.cfg.Subject, Data: b}
	f, err := p.q.js.PublishMsgAsync(msg, jetstream.WithMsgID(id))
	if err != nil {
		return fmt.Errorf("publish %s: %w", a.ID, err)
	}
	p.stats.Bytes += int64(len(b))
	p.pending = append(p.pending, f)
	if len(p.pending) >= window {
		return p.collect(ctx, window/2)
	}
	return nil
}

// collect waits for the first n outstanding acknowledgements.
func (p *Publisher) collect(ctx context.Context, n int) error {
	for _, f := range p.pending[:n] {
		select {
		case ack := <-f.Ok():
			if ack.Duplicate {
				p.stats.Duplicates++
			} else {
				p.stats.Published++
			}
		case err := <-f.Err():
			return fmt.Errorf("publish: %w", err)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	p.pending = append(p.pending[:0], p.pending[n:]...)
	return nil
}

// Flush waits until the server has acknowledged every article published
// and returns the counts so far.
func (p *Publisher) Flush(ctx context.Context) (PublishStats, error) {
	err := p.collect(ctx, len(p.pending))
	return p.stats, err
}
