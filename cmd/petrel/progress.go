package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"petrel/ingest"
)

// progressBar shows how much of the input has been read, on stderr, for
// long runs on a terminal. It polls the scanner instead of being told about
// each article, so the hot path pays nothing for it.
type progressBar struct {
	bar  *progressbar.ProgressBar
	sc   *ingest.Scanner
	stop chan struct{}
	done chan struct{}
}

// newProgressBar starts a bar on w that follows sc until finish.
func newProgressBar(w io.Writer, sc *ingest.Scanner) *progressBar {
	_, total := sc.Progress()
	if total <= 0 {
		total = -1
	}
	p := &progressBar{
		bar: progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("coding"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish()),
		sc: sc, stop: make(chan struct{}), done: make(chan struct{}),
	}
	go p.poll()
	return p
}

// poll updates the bar from the scanner's progress until stop is closed.
func (p *progressBar) poll() {
	defer close(p.done)
	t := time.NewTicker(150 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			done, total := p.sc.Progress()
			if total > 0 && p.bar.GetMax64() != total {
				p.bar.ChangeMax64(total)
			}
			p.bar.Set64(done)
		}
	}
}

// finish stops polling and clears the bar.
func (p *progressBar) finish() {
	close(p.stop)
	<-p.done
	p.bar.Finish()
}
