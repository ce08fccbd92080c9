package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// harness drives screens opened directly (the bank, a plan) on top of the
// real App, through the same driver as the journey tests, and fails the
// test on any store error a command reports.
type harness struct {
	*driver
	c *common
}

var harnessNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// newHarness gives the screens opened on it w x h cells: the App's footer
// (status and help lines) comes on top.
func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	c, _, _ := newTestCommonAt(t, harnessNow)
	d := newDriver(t, c, w, h+2)
	d.failOnError = true
	return &harness{driver: d, c: c}
}

// screens is the stack above the contact list the App starts on.
func (h *harness) screens() []screen { return h.app.screens()[1:] }

func (h *harness) top() screen { return h.app.top() }

// open pushes a screen as a key on another screen would.
func (h *harness) open(s screen) { h.send(pushMsg{s}) }

// keys sends each key name in turn ("enter", "tab", a single rune…);
// text after "type:" is typed rune by rune.
func (h *harness) keys(keys ...string) {
	for _, k := range keys {
		if t, ok := strings.CutPrefix(k, "type:"); ok {
			h.typeText(t)
			continue
		}
		h.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab,
		"shift+tab": tea.KeyShiftTab, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
		"right": tea.KeyRight, "ctrl+s": tea.KeyCtrlS, "backspace": tea.KeyBackspace, "space": tea.KeySpace}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func (h *harness) view() string { return h.top().view() }
