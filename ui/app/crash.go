package app

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// Crash is a panic caught in Update, View or a command: a bug. The runner
// writes it to a report file and exits non-zero, after saving what it can.
type Crash struct {
	// Where is "Update", "View" or "a command".
	Where string
	Value any
	Stack []byte
}

func newCrash(where string, value any) *Crash {
	return &Crash{Where: where, Value: value, Stack: debug.Stack()}
}

func (c *Crash) Error() string {
	return fmt.Sprintf("internal error in %s: %v", c.Where, c.Value)
}

// crashMsg carries a panic caught in a command to Update.
type crashMsg struct{ *Crash }

// ViewCrashedMsg wakes Update after View panicked, so the program quits.
type ViewCrashedMsg struct{}

// crashBox holds a panic caught in View. View works on a copy of the
// model, so the box is shared by pointer; View runs on the event loop and
// the runner reads the box after it, hence the lock.
type crashBox struct {
	mu    sync.Mutex
	crash *Crash
	wake  func()
}

func (b *crashBox) set(c *Crash) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.crash != nil {
		return
	}
	b.crash = c
	if b.wake != nil {
		// View runs on the event loop: a message sent from here would
		// wait for it forever.
		go b.wake()
	}
}

func (b *crashBox) get() *Crash {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.crash
}

func (b *crashBox) setWake(wake func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.wake = wake
}
