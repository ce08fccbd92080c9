// Package uitest is the one test harness of the interface: a synchronous
// driver of the root model, a fake clock, a notebook on a temporary file,
// fixtures and the golden-file helper.
package uitest

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"parley/ui/app"
	"parley/ui/common"
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
// TestMain sets them, through TestMain.
var testOpeners []common.Opener

// TestMain runs a package's UI tests with the screens openers can build,
// the same colour profile and cell widths on every machine.
func Main(m *testing.M, openers []common.Opener) {
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

// FakeClock is a wall clock the test moves by hand.
type FakeClock struct{ t time.Time }

func (c *FakeClock) Now() time.Time          { return c.t }
func (c *FakeClock) Advance(d time.Duration) { c.t = c.t.Add(d) }

var TestStart = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// TimerMsg is what a timer command returns in tests: instead of waiting,
// it hands the test the message it would have delivered.
type TimerMsg struct {
	D   time.Duration
	msg tea.Msg
}

// Fired is the message the timer delivers when it fires.
func (m TimerMsg) Fired() tea.Msg { return m.msg }

// NewTestCommon gives a screen a fresh notebook on a temporary file, no
// colour, a clock the test controls and timers that fire only by hand.
func NewTestCommon(t testing.TB) (*common.Common, *store.Store, *FakeClock) {
	return NewTestCommonAt(t, TestStart)
}

// NewTestCommonAt is NewTestCommon with the clock set to start. Every UI
// test builds its common here: one fake clock, one kind of timer.
func NewTestCommonAt(t testing.TB, start time.Time) (*common.Common, *store.Store, *FakeClock) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	styles := common.NewStyles(true)
	clk := &FakeClock{t: start}
	after := func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return TimerMsg{d, fn(clk.t.Add(d))} }
	}
	await := func(ch <-chan struct{}, fn func(bool) tea.Msg) tea.Cmd {
		return func() tea.Msg { return AwaitMsg{ch, fn} }
	}
	c := &common.Common{Styles: &styles, Store: s, Now: clk.Now, After: after, Await: await, Bank: &common.Writer{},
		Interviews: &common.InterviewWriter{}, Getenv: func(string) string { return "" }, Hours: &common.Hours{}}
	return c, s, clk
}

// AwaitMsg is what a wait for an outside signal returns in tests: instead
// of blocking the driver, it waits in Driver.Waiting until the test calls
// Receive.
type AwaitMsg struct {
	ch <-chan struct{}
	fn func(open bool) tea.Msg
}

func KeyRunes(s string) tea.KeyMsg     { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
func KeyType(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// Collect runs a command to completion and returns the messages it
// produced, in order, following batches and sequences. Timers are returned
// as TimerMsg, unfired.
func Collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, Collect(c)...)
		}
		return out
	}
	// tea.Sequence's message is an unexported slice of commands.
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out = append(out, Collect(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// Driver runs the whole app the way Bubble Tea would, synchronously:
// every message a command returns goes back into Update, except timers,
// which wait in pending until the test fires them.
type Driver struct {
	T       *testing.T
	App     app.App
	Pending []TimerMsg
	// Waiting are the commands waiting for an outside signal (Receive).
	Waiting []AwaitMsg
	Quit    bool
	// FailOnError fails the test on any error a command reports.
	FailOnError bool
	// Seen is every message sent to the app, unaddressed.
	Seen []tea.Msg
	// only, when set, chooses which results of commands go back in; the
	// others are dropped (the fixture tests follow navigation alone).
	only func(tea.Msg) bool
}

func NewDriver(t *testing.T, c *common.Common, w, h int) *Driver {
	d := &Driver{T: t, App: app.NewApp(c, testOpeners)}
	d.Send(tea.WindowSizeMsg{Width: w, Height: h})
	d.do(d.App.Init())
	return d
}

func (d *Driver) Send(msg tea.Msg) {
	d.T.Helper()
	if f, ok := msg.(common.Failure); ok && f.Failed() != nil && d.FailOnError {
		d.T.Errorf("%T failed: %v", msg, f.Failed())
	}
	d.Seen = append(d.Seen, unrouted(msg))
	m, cmd := d.App.Update(msg)
	d.App = m.(app.App)
	d.do(cmd)
}

func (d *Driver) do(cmd tea.Cmd) {
	for _, msg := range Collect(cmd) {
		// A timer a screen set comes back addressed to it: it waits in
		// pending with its address.
		if r, ok := msg.(app.RoutedMsg); ok {
			switch m := r.Msg.(type) {
			case TimerMsg:
				msg = TimerMsg{m.D, r.Readdressed(m.msg)}
			case AwaitMsg:
				msg = AwaitMsg{m.ch, func(open bool) tea.Msg { return r.Readdressed(m.fn(open)) }}
			}
		}
		if d.only != nil && !d.only(msg) {
			continue
		}
		switch m := msg.(type) {
		case TimerMsg:
			d.Pending = append(d.Pending, m)
		case AwaitMsg:
			d.Waiting = append(d.Waiting, m)
		case tea.QuitMsg:
			d.Quit = true
		default:
			d.Send(msg)
		}
	}
}

// TypeText sends each rune as its own key press.
func (d *Driver) TypeText(s string) {
	for _, r := range s {
		d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Fire delivers the timers that have come due, as the runtime would.
func (d *Driver) Fire(match func(tea.Msg) bool) int {
	pending := d.Pending
	d.Pending = nil
	n := 0
	for _, p := range pending {
		if match(unrouted(p.msg)) {
			d.Send(p.msg)
			n++
		} else {
			d.Pending = append(d.Pending, p)
		}
	}
	return n
}

// Receive does for the waiting commands what Bubble Tea would: it waits
// for each one's signal and sends its message. It fails the test if a
// signal has not come within limit, the bound of a wait that should end.
func (d *Driver) Receive(limit time.Duration) int {
	d.T.Helper()
	waiting := d.Waiting
	d.Waiting = nil
	for _, w := range waiting {
		select {
		case _, open := <-w.ch:
			d.Send(w.fn(open))
		case <-time.After(limit):
			d.T.Fatalf("no signal came within %v", limit)
		}
	}
	return len(waiting)
}

func (d *Driver) View() string { return d.App.View() }

// unrouted is msg without its address, if it has one.
func unrouted(msg tea.Msg) tea.Msg {
	if r, ok := msg.(app.RoutedMsg); ok {
		return r.Msg
	}
	return msg
}
