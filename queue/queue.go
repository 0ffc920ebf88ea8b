// Package queue spreads articles over many coding workers through a NATS
// JetStream work-queue stream. The engine is NATS: it persists, clusters
// and redelivers; this package only maps petrel's articles onto it.
//
// A Publisher puts articles on the stream with the article ID and a hash
// of its title and text as the message ID (the Nats-Msg-Id header), so the
// server drops a repeat of the same article within the stream's duplicate
// window, but not an article sent again under its ID with another text:
// that is an update, which the store applies. A Worker pulls messages from one durable
// consumer shared by every worker process, codes them, stores them and
// acknowledges each message only after the store transaction that holds it
// has committed: a worker killed at any point leaves its messages
// unacknowledged, the server redelivers them after the ack wait, and the
// store's idempotent ingest turns a repeat into "unchanged".
//
// The stream uses the work-queue retention policy: a message is deleted
// once acknowledged, so the stream's message count is the work left,
// including messages held by a worker that has not acknowledged them yet.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"petrel"
)

// Defaults for Config.
const (
	DefaultURL         = "nats://127.0.0.1:4222"
	DefaultStream      = "PETREL"
	DefaultSubject     = "petrel.articles"
	DefaultConsumer    = "petrel-workers"
	DefaultDedupWindow = 10 * time.Minute
	DefaultAckWait     = 30 * time.Second
)

// Config names the server, stream, subject and consumer. Zero fields take
// the defaults above.
type Config struct {
	URL      string
	Stream   string
	Subject  string
	Consumer string
	// DedupWindow is how long the server remembers message IDs, when it
	// creates the stream; a stream that exists keeps its own setting.
	DedupWindow time.Duration
	// AckWait is how long a delivered message may stay unacknowledged
	// before the server delivers it again (to any worker).
	AckWait time.Duration
	// Replicas is the stream's replication factor: 1 on one server, 3 on
	// a three-node cluster.
	Replicas int
	// Name identifies the connection in the server's monitoring.
	Name string
}

func (c *Config) defaults() {
	if c.URL == "" {
		c.URL = DefaultURL
	}
	if c.Stream == "" {
		c.Stream = DefaultStream
	}
	if c.Subject == "" {
		c.Subject = DefaultSubject
	}
	if c.Consumer == "" {
		c.Consumer = DefaultConsumer
	}
	if c.DedupWindow <= 0 {
		c.DedupWindow = DefaultDedupWindow
	}
	if c.AckWait <= 0 {
		c.AckWait = DefaultAckWait
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Name == "" {
		c.Name = "petrel"
	}
}

// Queue is a connection to a JetStream server with the article stream
// created. It is safe for concurrent use; Close releases it.
type Queue struct {
	cfg    Config
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
}

// Open connects to cfg.URL and creates the work-queue stream if it does not
// exist. A stream that exists is used as it is, so a publisher and workers
// with other settings never fight over its configuration.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", cfg.URL, err)
	}
	// The publish window bounds how many acknowledgements may be
	// outstanding: large enough to keep the pipe full over a network,
	// small enough that a stalled server stops the publisher quickly.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(4096))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	q := &Queue{cfg: cfg, nc: nc, js: js}
	q.stream, err = js.Stream(ctx, cfg.Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		q.stream, err = js.CreateStream(ctx, jetstream.StreamConfig{
			Name:        cfg.Stream,
			Description: "petrel articles to code",
			Subjects:    []string{cfg.Subject},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
			Duplicates:  cfg.DedupWindow,
			Replicas:    cfg.Replicas,
		})
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			// Another process created it between our two calls.
			q.stream, err = js.Stream(ctx, cfg.Stream)
		}
	}
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("stream %s: %w", cfg.Stream, err)
	}
	return q, nil
}

// Close drains and closes the connection, so acknowledgements and
// publishes already handed to the client reach the server.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil {
		q.nc.Close()
		return err
	}
	for q.nc.IsDraining() {
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}

// Pending returns how many messages the stream holds: articles not yet
// acknowledged by a worker, delivered or not.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("stream info: %w", err)
	}
	return info.State.Msgs, nil
}

// MaxPayload returns the largest message the server accepts, in bytes.
func (q *Queue) MaxPayload() int64 { return q.nc.MaxPayload() }

// message is an article on the wire: petrel.Article's JSON form, which
// keeps the text byte for byte and the date with its offset.
type message = petrel.Article

func encode(a *petrel.Article) ([]byte, error) { return json.Marshal((*message)(a)) }

func decode(b []byte) (*petrel.Article, error) {
	a := new(petrel.Article)
	if err := json.Unmarshal(b, (*message)(a)); err != nil {
		return nil, err
	}
	if err := check(a); err != nil {
		return nil, err
	}
	return a, nil
}

// check returns EINVALID for an article no store can keep: without an ID,
// or with a field that is not valid UTF-8 or holds a NUL character. One
// such article would otherwise fail the whole batch it is stored with.
func check(a *petrel.Article) error {
	if a.ID == "" {
		return petrel.Errorf(petrel.EINVALID, "article without an ID")
	}
	for _, f := range []struct{ name, v string }{{"id", a.ID}, {"title", a.Title}, {"text", a.Text}, {"url", a.URL}, {"source", a.Source}} {
		if !petrel.ValidText(f.v) {
			return petrel.Errorf(petrel.EINVALID, "article %q: %s is not valid UTF-8 or holds a NUL character", a.ID, f.name)
		}
	}
	return nil
}

// msgID is the message ID of an article: its ID (or, for an ID a header
// cannot carry, a line break or a control character, or a very long one,
// a hash of it), "@" and a hash of its title and text. The same article
// published twice has one message ID, and the server drops the second;
// an edited one (the same ID, another text) has another and is kept.
func msgID(a *petrel.Article) string {
	id := a.ID
	if len(id) > 256 || strings.ContainsFunc(id, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		h := sha256.Sum256([]byte(id))
		id = "sha256:" + hex.EncodeToString(h[:])
	}
	h := fnv.New64a()
	h.Write([]byte(a.Title))
	h.Write([]byte{0})
	h.Write([]byte(a.Text))
	return id + "@" + strconv.FormatUint(h.Sum64(), 16)
}
