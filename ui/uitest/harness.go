package uitest

import (
	"parley/ui/common"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Harness drives screens opened directly (the bank, a plan) on top of the
// real App, through the same driver as the journey tests, and fails the
// test on any store error a command reports.
type Harness struct {
	*Driver
	C *common.Common
}

var HarnessNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// NewHarness gives the screens opened on it w x h cells: the App's footer
// (status and help lines) comes on top.
func NewHarness(t *testing.T, w, h int) *Harness {
	t.Helper()
	c, _, _ := NewTestCommonAt(t, HarnessNow)
	d := NewDriver(t, c, w, h+2)
	d.FailOnError = true
	return &Harness{Driver: d, C: c}
}

// Screens is the stack above the contact list the App starts on.
func (h *Harness) Screens() []common.Screen { return h.App.Screens()[1:] }

func (h *Harness) Top() common.Screen { return h.App.Top() }

// Open pushes a screen as a key on another screen would.
func (h *Harness) Open(s common.Screen) { h.Send(common.PushMsg{S: s}) }

// Keys sends each key name in turn ("enter", "tab", a single rune…);
// text after "type:" is typed rune by rune.
func (h *Harness) Keys(keys ...string) {
	for _, k := range keys {
		if t, ok := strings.CutPrefix(k, "type:"); ok {
			h.TypeText(t)
			continue
		}
		h.Send(KeyMsg(k))
	}
}

func KeyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab,
		"shift+tab": tea.KeyShiftTab, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
		"right": tea.KeyRight, "ctrl+s": tea.KeyCtrlS, "backspace": tea.KeyBackspace, "space": tea.KeySpace}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func (h *Harness) View() string { return h.Top().View() }
