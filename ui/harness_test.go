package ui

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// harness runs screens the way App does, without a terminal: a stack,
// commands run to completion, results handed to every screen, keys to the
// top one. Commands that do not answer quickly (ticks) are dropped.
type harness struct {
	t      *testing.T
	c      *common
	stack  []screen
	status []string
	w, h   int
}

var testNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	st := NewStyles(true)
	// Timers never fire here: the harness tests nothing that waits.
	never := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	c := &common{styles: &st, store: s, now: func() time.Time { return testNow }, after: never, bank: &bankWriter{}}
	return &harness{t: t, c: c, w: w, h: h}
}

func (h *harness) top() screen { return h.stack[len(h.stack)-1] }

// open pushes a screen as App would.
func (h *harness) open(s screen) { h.send(pushMsg{s}) }

// keys sends each key name in turn ("enter", "tab", a single rune…);
// text after "type:" is typed rune by rune.
func (h *harness) keys(keys ...string) {
	for _, k := range keys {
		if t, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range t {
				h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
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

func (h *harness) send(first tea.Msg) {
	queue := []tea.Msg{first}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		var cmds []tea.Cmd
		switch m := msg.(type) {
		case pushMsg:
			h.stack = append(h.stack, m.s.setSize(h.w, h.h))
			if l, ok := m.s.(loader); ok {
				cmds = append(cmds, l.load())
			}
		case popMsg:
			h.stack = h.stack[:len(h.stack)-1]
		case replaceMsg:
			h.stack[len(h.stack)-1] = m.s.setSize(h.w, h.h)
		case statusMsg:
			h.status = append(h.status, m.text)
		case tea.KeyMsg:
			i := len(h.stack) - 1
			var cmd tea.Cmd
			h.stack[i], cmd = h.stack[i].update(m)
			cmds = append(cmds, cmd)
		default:
			if f, ok := msg.(failure); ok && f.failed() != nil {
				h.t.Errorf("%T failed: %v", msg, f.failed())
			}
			for i, s := range h.stack {
				var cmd tea.Cmd
				h.stack[i], cmd = s.update(msg)
				cmds = append(cmds, cmd)
			}
		}
		for _, c := range cmds {
			queue = append(queue, run(c)...)
		}
	}
}

var cmdSlice = reflect.TypeOf([]tea.Cmd(nil))

// run runs a command and flattens batches and sequences into messages.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(300 * time.Millisecond):
		return nil
	}
	if msg == nil {
		return nil
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().ConvertibleTo(cmdSlice) {
		var out []tea.Msg
		for _, c := range v.Convert(cmdSlice).Interface().([]tea.Cmd) {
			out = append(out, run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// contactWithPage saves a contact and opens their page.
func (h *harness) contactWithPage(c model.Contact) model.Contact {
	h.t.Helper()
	saved, err := h.c.store.PutContact(c)
	if err != nil {
		h.t.Fatal(err)
	}
	h.open(newContactPage(h.c, saved))
	return saved
}

func (h *harness) view() string { return h.top().view() }
