package natstest

import (
	"strings"
	"testing"

	"github.com/nats-io/nats.go"
)

func TestStart(t *testing.T) {
	url := Start(t)
	if !strings.HasPrefix(url, "nats://127.0.0.1:") {
		t.Fatalf("URL %q, want a loopback nats:// URL", url)
	}
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := nc.JetStream()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.AccountInfo(); err != nil {
		t.Fatalf("JetStream not enabled: %v", err)
	}
}
