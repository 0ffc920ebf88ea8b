package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"petrel"
)

// A Worker consumes articles from the stream, codes them and stores them.
// Many Workers, in one process or many, on one machine or many, share the
// stream's one durable consumer; the server hands each message to one of
// them at a time.
type Worker struct {
	Queue       *Queue
	Coder       petrel.Coder
	Store       petrel.Store
	DictVersion string
	// Workers is the number of coding goroutines (at least 1).
	Workers int
	// Batch is the number of messages fetched at once and stored in one
	// transaction (default 256).
	Batch int
	// UntilEmpty makes Run return once the stream holds no message: none
	// waiting and none delivered to any worker without acknowledgement.
	UntilEmpty bool
	// Logf, when set, receives one line per problem (an undecodable
	// message, a failed store) and per status interval.
	Logf func(format string, args ...any)
	// StatusEvery is the interval between status lines (0: none).
	StatusEvery time.Duration

	articles, events, redelivered, bad atomic.Int64
}

// WorkerStats counts what a Worker did.
type WorkerStats struct {
	Articles    int64 `json:"articles"`    // articles coded and stored
	Events      int64 `json:"events"`      // events written
	Redelivered int64 `json:"redelivered"` // messages delivered more than once
	Bad         int64 `json:"bad"`         // messages that were no article: terminated
}

// Stats returns the counts so far; it is safe to call while Run runs.
func (w *Worker) Stats() WorkerStats {
	return WorkerStats{Articles: w.articles.Load(), Events: w.events.Load(),
		Redelivered: w.redelivered.Load(), Bad: w.bad.Load()}
}

func (w *Worker) logf(format string, args ...any) {
	if w.Logf != nil {
		w.Logf(format, args...)
	}
}

// batch is one fetch: the messages and what was coded from them.
type batch struct {
	msgs []jetstream.Msg
	docs []*petrel.Document
}

// maxStoreFailures is how many store failures in a row end Run: a few are
// waited out (another process holding the SQLite lock, a PostgreSQL
// fail-over), a store that stays down is reported.
const maxStoreFailures = 5

// drainTimeout bounds how long a stopping worker spends storing the
// batches it has already coded.
const drainTimeout = 30 * time.Second

// Run consumes until ctx is cancelled, or with UntilEmpty until the stream
// is empty. Fetching and coding one batch overlaps storing the previous
// one. Each message is acknowledged after the store has committed the
// transaction that holds its article; a batch the store refused is
// negatively acknowledged, so it is redelivered rather than lost.
func (w *Worker) Run(ctx context.Context) error {
	if w.Workers < 1 {
		w.Workers = 1
	}
	if w.Batch < 1 {
		w.Batch = 256
	}
	q := w.Queue
	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       q.cfg.Consumer,
		Description:   "petrel workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.cfg.AckWait,
		FilterSubject: q.cfg.Subject,
		// Enough outstanding messages for many workers' batches in
		// flight; beyond it the server holds messages back.
		MaxAckPending: 1 << 16,
	})
	if err != nil {
		return fmt.Errorf("consumer %s: %w", q.cfg.Consumer, err)
	}
	// Stopping (ctx cancelled: Ctrl-C, SIGTERM) stops the fetching at
	// once, but batches already coded are still stored and acknowledged,
	// with up to drainTimeout to do it, so a stop wastes no work and
	// causes no redelivery.
	storeCtx, storeCancel := context.WithCancel(context.WithoutCancel(ctx))
	defer storeCancel()
	stopDrain := context.AfterFunc(ctx, func() { time.AfterFunc(drainTimeout, storeCancel) })
	defer stopDrain()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	coded := make(chan batch, 1)
	var fetchErr error
	go func() {
		defer close(coded)
		fetchErr = w.fetchLoop(ctx, cons, coded)
	}()
	if w.StatusEvery > 0 {
		go w.status(ctx)
	}
	var storeErr error
	failures := 0
	for b := range coded {
		if storeErr != nil {
			continue // drain: the fetcher stops on the cancelled context
		}
		if err := w.store(storeCtx, b); err != nil {
			failures++
			w.logf("store: %v (%d of %d failures in a row; the batch will be redelivered)", err, failures, maxStoreFailures)
			for _, m := range b.msgs {
				m.NakWithDelay(time.Second)
			}
			if failures >= maxStoreFailures || storeCtx.Err() != nil {
				storeErr = err
				cancel()
			}
			continue
		}
		failures = 0
	}
	if storeErr != nil {
		return fmt.Errorf("store: %w", storeErr)
	}
	if fetchErr != nil && !errors.Is(fetchErr, context.Canceled) {
		return fetchErr
	}
	return nil
}

// store writes one batch in one transaction and then acknowledges it.
func (w *Worker) store(ctx context.Context, b batch) error {
	if len(b.docs) > 0 {
		st, err := w.Store.Ingest(ctx, b.docs, w.DictVersion)
		if err != nil {
			return err
		}
		w.events.Add(int64(st.Events))
	}
	for _, m := range b.msgs {
		// A lost acknowledgement means one redelivery, which the store
		// answers with "unchanged".
		if err := m.Ack(); err != nil {
			w.logf("ack: %v", err)
		}
	}
	w.articles.Add(int64(len(b.docs)))
	return nil
}

// fetchLoop takes batches from the consumer, decodes and codes them and
// sends them to out.
//
// Messages come through a pull subscription that keeps up to two batches
// buffered in the client, so the next batch is on its way while this one
// is coded: fetching a batch at a time and waiting for it leaves the
// worker idle for a round trip per batch. A batch is cut when it is full
// or when no message has come for batchGap.
func (w *Worker) fetchLoop(ctx context.Context, cons jetstream.Consumer, out chan<- batch) error {
	const batchGap = 20 * time.Millisecond
	it, err := cons.Messages(jetstream.PullMaxMessages(2 * w.Batch))
	if err != nil {
		return fmt.Errorf("consume: %w", err)
	}
	defer func() {
		if ctx.Err() == nil {
			it.Stop()
			return
		}
		// Stopping: hand the messages buffered in the client back for
		// redelivery now rather than after the ack wait.
		it.Drain()
		for {
			m, err := it.Next(jetstream.NextMaxWait(time.Second))
			if err != nil {
				return
			}
			m.Nak()
		}
	}()
	for ctx.Err() == nil {
		var b batch
		var arts []*petrel.Article
		wait := time.Second
		for n := 0; n < w.Batch; n++ {
			m, err := it.Next(jetstream.NextMaxWait(wait))
			if err != nil {
				if errors.Is(err, nats.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) {
					break
				}
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return fmt.Errorf("next message: %w", err)
			}
			wait = batchGap
			if md, err := m.Metadata(); err == nil && md.NumDelivered > 1 {
				w.redelivered.Add(1)
			}
			a, err := decode(m.Data())
			if err != nil {
				// A message that is no article will never be one:
				// terminate it rather than have it redelivered forever.
				w.bad.Add(1)
				w.logf("message %s: not an article (%v): dropped", m.Headers().Get("Nats-Msg-Id"), err)
				m.Term()
				continue
			}
			b.msgs = append(b.msgs, m)
			arts = append(arts, a)
		}
		if len(b.msgs) == 0 {
			if w.UntilEmpty {
				n, err := w.Queue.Pending(ctx)
				if err != nil {
					return err
				}
				if n == 0 {
					return nil
				}
			}
			continue
		}
		if ctx.Err() != nil {
			nakAll(b.msgs)
			return ctx.Err()
		}
		b.docs = w.code(arts)
		select {
		case out <- b:
		case <-ctx.Done():
			nakAll(b.msgs)
			return ctx.Err()
		}
	}
	return ctx.Err()
}

// nakAll hands messages back to the server for redelivery now, rather
// than after the ack wait.
func nakAll(msgs []jetstream.Msg) {
	for _, m := range msgs {
		m.Nak()
	}
}

// code codes arts on w.Workers goroutines, each taking every Workers-th
// article, and returns the documents in the order of arts.
func (w *Worker) code(arts []*petrel.Article) []*petrel.Document {
	docs := make([]*petrel.Document, len(arts))
	n := min(w.Workers, len(arts))
	var wg sync.WaitGroup
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := g; i < len(arts); i += n {
				docs[i] = w.Coder.Code(arts[i])
			}
		}(g)
	}
	wg.Wait()
	return docs
}

// status logs one line per StatusEvery with the rates over the interval.
func (w *Worker) status(ctx context.Context) {
	t := time.NewTicker(w.StatusEvery)
	defer t.Stop()
	last := w.Stats()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s := w.Stats()
		pending, _ := w.Queue.Pending(ctx)
		secs := w.StatusEvery.Seconds()
		w.logf("%d articles (%.0f/s), %d events (%.0f/s), %d redelivered, %d left in the stream",
			s.Articles, float64(s.Articles-last.Articles)/secs, s.Events, float64(s.Events-last.Events)/secs,
			s.Redelivered, pending)
		last = s
	}
}
