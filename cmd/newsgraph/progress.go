package main

import (
	"fmt"
	"strings"
	"time"
)

// progress draws a one-line progress bar on stderr when stderr is a
// terminal, and nothing otherwise.
type progress struct {
	e        *env
	total    int // inputs (files)
	files    int
	articles int
	start    time.Time
	last     time.Time
	shown    bool
}

func newProgress(e *env, total int) *progress {
	return &progress{e: e, total: total, start: time.Now()}
}

// step records finished files and articles and redraws at most ten times
// a second.
func (p *progress) step(files, articles int) {
	p.files += files
	p.articles += articles
	if !p.e.stderrTerminal {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		p.draw()
	}
}

func (p *progress) draw() {
	elapsed := time.Since(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.articles) / elapsed
	}
	frac := 0.0
	if p.total > 0 {
		frac = float64(p.files) / float64(p.total)
	}
	eta := "--"
	if frac > 0 && frac < 1 {
		eta = (time.Duration(elapsed*(1-frac)/frac) * time.Second).Round(time.Second).String()
	}
	const width = 30
	filled := int(frac * width)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	fmt.Fprintf(p.e.stderr, "\r%s %3.0f%%  %d/%d files  %d articles  %.0f/s  ETA %s\x1b[K",
		bar, frac*100, p.files, p.total, p.articles, rate, eta)
	p.shown = true
}

// clear erases the bar so that a message can be printed on its own line.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.e.stderr, "\r\x1b[K")
		p.shown = false
	}
}

// done draws the final state and ends the line.
func (p *progress) done() {
	if !p.e.stderrTerminal {
		return
	}
	p.draw()
	fmt.Fprintln(p.e.stderr)
	p.shown = false
}
