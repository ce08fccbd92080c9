package ui

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"parley/store"
)

// update rewrites golden files: go test ./ui -update
var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// testOpeners build the screens the tests of a package may open; its
// TestMain sets them, through testMain.
var testOpeners []opener

// testMain runs a package's UI tests with the screens openers can build,
// the same colour profile and cell widths on every machine.
func testMain(m *testing.M, openers []opener) {
	testOpeners = openers
	// RUNEWIDTH_EASTASIAN (or an East Asian locale) makes go-runewidth and
	// x/ansi count ambiguous runes such as "─" and "·" as two cells, read
	// once when the packages start. The tests draw for the common width
	// whatever the machine says, so they run again in a child process
	// with the setting pinned.
	if os.Getenv("RUNEWIDTH_EASTASIAN") != "0" {
		os.Exit(rerunWith("RUNEWIDTH_EASTASIAN=0"))
	}
	// Golden files need the same output on every machine: no colour
	// profile detection, a fixed background.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// rerunWith runs this test binary again with one more environment setting
// and returns its exit code.
func rerunWith(setting string) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "rerun the tests:", err)
		return 1
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = append(os.Environ(), setting)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "rerun the tests:", err)
		return 1
	}
	return 0
}

// fakeClock is a wall clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

var testStart = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// timerMsg is what a timer command returns in tests: instead of waiting,
// it hands the test the message it would have delivered.
type timerMsg struct {
	d   time.Duration
	msg tea.Msg
}

// newTestCommon gives a screen a fresh notebook on a temporary file, no
// colour, a clock the test controls and timers that fire only by hand.
func newTestCommon(t testing.TB) (*common, *store.Store, *fakeClock) {
	return newTestCommonAt(t, testStart)
}

// newTestCommonAt is newTestCommon with the clock set to start. Every UI
// test builds its common here: one fake clock, one kind of timer.
func newTestCommonAt(t testing.TB, start time.Time) (*common, *store.Store, *fakeClock) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	styles := NewStyles(true)
	clk := &fakeClock{t: start}
	after := func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return timerMsg{d, fn(clk.t.Add(d))} }
	}
	c := &common{styles: &styles, store: s, now: clk.now, after: after, bank: &writer{},
		interviews: &interviewWriter{}, getenv: func(string) string { return "" }}
	return c, s, clk
}

func keyRunes(s string) tea.KeyMsg     { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
func keyType(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// collect runs a command to completion and returns the messages it
// produced, in order, following batches and sequences. Timers are returned
// as timerMsg, unfired.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, collect(c)...)
		}
		return out
	}
	// tea.Sequence's message is an unexported slice of commands.
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out = append(out, collect(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// driver runs the whole app the way Bubble Tea would, synchronously:
// every message a command returns goes back into Update, except timers,
// which wait in pending until the test fires them.
type driver struct {
	t       *testing.T
	app     App
	pending []timerMsg
	quit    bool
	// failOnError fails the test on any error a command reports.
	failOnError bool
	// seen is every message sent to the app, unaddressed.
	seen []tea.Msg
	// only, when set, chooses which results of commands go back in; the
	// others are dropped (the fixture tests follow navigation alone).
	only func(tea.Msg) bool
}

func newDriver(t *testing.T, c *common, w, h int) *driver {
	d := &driver{t: t, app: newApp(c, testOpeners)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.do(d.app.Init())
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	if f, ok := msg.(failure); ok && f.failed() != nil && d.failOnError {
		d.t.Errorf("%T failed: %v", msg, f.failed())
	}
	d.seen = append(d.seen, unrouted(msg))
	m, cmd := d.app.Update(msg)
	d.app = m.(App)
	d.do(cmd)
}

func (d *driver) do(cmd tea.Cmd) {
	for _, msg := range collect(cmd) {
		// A timer a screen set comes back addressed to it: it waits in
		// pending with its address.
		if r, ok := msg.(routedMsg); ok {
			if tm, ok := r.msg.(timerMsg); ok {
				msg = timerMsg{tm.d, routedMsg{r.to, tm.msg}}
			}
		}
		if d.only != nil && !d.only(msg) {
			continue
		}
		switch m := msg.(type) {
		case timerMsg:
			d.pending = append(d.pending, m)
		case tea.QuitMsg:
			d.quit = true
		default:
			d.send(msg)
		}
	}
}

// typeText sends each rune as its own key press.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// fire delivers the timers that have come due, as the runtime would.
func (d *driver) fire(match func(tea.Msg) bool) int {
	pending := d.pending
	d.pending = nil
	n := 0
	for _, p := range pending {
		if match(unrouted(p.msg)) {
			d.send(p.msg)
			n++
		} else {
			d.pending = append(d.pending, p)
		}
	}
	return n
}

func (d *driver) view() string { return d.app.View() }

// unrouted is msg without its address, if it has one.
func unrouted(msg tea.Msg) tea.Msg {
	if r, ok := msg.(routedMsg); ok {
		return r.msg
	}
	return msg
}
