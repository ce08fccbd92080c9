package ui

import (
	"os"
	"runtime"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// idleAfter is how long after the last key, click or resize the interface
// counts as idle and gives up all but one processor.
const idleAfter = 2 * time.Second

// processors runs the interface on one processor while nobody is typing,
// and on all of them again at the next input. The live screen's clock
// ticks every second; with a second processor idle, each tick's hand-offs
// between goroutines (timer, Bubble Tea's event loop, its command runner)
// wake a second thread that spins, finds nothing and sleeps again. On one
// processor the same ticks cost about half (scripts/bench.sh, idle CPU).
// The filter and the summary decode, which use every processor, run after
// a key or a write, and a key brings the processors back before the filter
// runs.
type processors struct {
	full      int
	lowered   bool
	lastInput time.Time
	now       func() time.Time
	set       func(int) int
}

// newProcessors is the policy for this process, or nil (leave the runtime
// alone) when the user chose GOMAXPROCS or there is only one processor.
func newProcessors() *processors {
	full := runtime.GOMAXPROCS(0)
	if os.Getenv("GOMAXPROCS") != "" || full < 2 {
		return nil
	}
	return &processors{full: full, now: time.Now, set: runtime.GOMAXPROCS, lastInput: time.Now()}
}

// observe is called with every message, before Update handles it.
func (p *processors) observe(msg tea.Msg) {
	if p == nil {
		return
	}
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg, tea.WindowSizeMsg:
		p.lastInput = p.now()
		if p.lowered {
			p.set(p.full)
			p.lowered = false
		}
		return
	}
	if !p.lowered && p.now().Sub(p.lastInput) >= idleAfter {
		p.set(1)
		p.lowered = true
	}
}

// restore gives the process all its processors back, for what runs after
// the interface: the flush at exit, or the next test.
func (p *processors) restore() {
	if p != nil && p.lowered {
		p.set(p.full)
		p.lowered = false
	}
}
