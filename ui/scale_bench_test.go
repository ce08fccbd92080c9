package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/demo"
	"parley/store"
	"parley/ui/app"
	"parley/ui/common"
	"parley/ui/uitest"
)

// scaleNow is the demo notebooks' reference time, so every run reads the
// same records and the agenda has the same items.
var scaleNow = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// scaleSizes are the notebook sizes measured, from PARLEY_BENCH_SIZES
// ("1000,10000") or 1,000 and 10,000 contacts.
func scaleSizes(b *testing.B) []int {
	spec := os.Getenv("PARLEY_BENCH_SIZES")
	if spec == "" {
		spec = "1000,10000"
	}
	var out []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("PARLEY_BENCH_SIZES: %q is not a number of contacts", f)
		}
		out = append(out, n)
	}
	return out
}

// demoNotebook makes a closed demo notebook of n contacts, once per size
// and run of the benchmark binary.
var demoNotebooks = map[int]string{}

func demoNotebook(b testing.TB, n int) string {
	b.Helper()
	if p, ok := demoNotebooks[n]; ok {
		return p
	}
	dir, err := os.MkdirTemp("", "parley-scale")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "parley.db")
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := demo.Fill(s, n, 1, scaleNow); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	demoNotebooks[n] = path
	return path
}

// benchCommon is the Common the program runs with, on s, with the clock
// at scaleNow and no timers (a benchmark waits for no clock).
func benchCommon(s *store.Store) *common.Common {
	styles := common.NewStyles(false)
	return &common.Common{Styles: &styles, Store: s, Now: func() time.Time { return scaleNow },
		After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil },
		// Nor for the spool watch's signal: a settled command must end.
		Await: func(<-chan struct{}, func(bool) tea.Msg) tea.Cmd { return nil },
		Bank:  &common.Writer{}, Interviews: &common.InterviewWriter{}, Getenv: func(string) string { return "" }}
}

// settle sends msg to a and runs every command that follows to the end,
// as Bubble Tea would, but on this goroutine: what the user waits for
// between a key and the screen that answers it.
func settle(b *testing.B, a app.App, msg tea.Msg) app.App {
	m, cmd := a.Update(msg)
	a = m.(app.App)
	return settleCmd(b, a, cmd)
}

func settleCmd(b *testing.B, a app.App, cmd tea.Cmd) app.App {
	for _, msg := range uitest.Collect(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			b.Fatal("the app quit")
		}
		a = settle(b, a, msg)
	}
	return a
}

// worst reports the slowest iteration beside the mean.
type worst struct{ max time.Duration }

func (w *worst) time(f func()) {
	start := time.Now()
	f()
	if d := time.Since(start); d > w.max {
		w.max = d
	}
}

func (w *worst) report(b *testing.B) {
	b.ReportMetric(float64(w.max.Nanoseconds())/1e6, "worst-ms")
}

// BenchmarkFirstScreen is what a user waits for at start: open the
// notebook, read what "What's next" shows, and draw it with its data. The
// contact list, built in a command after that frame, is not waited for;
// list-ready-ms is the mean time until it is. Each start is as the
// program's: on a heap with no garbage from the starts before, and with
// the collector held until the frame (collectLessAtStart), as ui.Run does.
func BenchmarkFirstScreen(b *testing.B) {
	for _, n := range scaleSizes(b) {
		b.Run("contacts="+strconv.Itoa(n), func(b *testing.B) {
			path := demoNotebook(b, n)
			firstScreen := func() (app.App, *store.Store, []tea.Cmd) {
				collect := collectLessAtStart()
				defer collect()
				s, err := store.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				a := app.NewApp(benchCommon(s), screenOpeners)
				a = settle(b, a, tea.WindowSizeMsg{Width: 100, Height: 30})
				var after []tea.Cmd
				for _, msg := range uitest.Collect(a.Init()) {
					m, cmd := a.Update(msg)
					a, after = m.(app.App), append(after, cmd)
				}
				if v := a.View(); !strings.Contains(v, "What's next") || !strings.Contains(v, "to contact ") {
					b.Fatalf("first screen without its data:\n%s", v)
				}
				return a, s, after
			}
			// Warm, as the goal is: the notebook just written by demo is
			// opened once first (scripts/bench.sh does the same).
			_, s, _ := firstScreen()
			s.Close()
			var w worst
			var listReady time.Duration
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				start := time.Now()
				var after []tea.Cmd
				var a app.App
				w.time(func() { a, s, after = firstScreen() })
				b.StopTimer()
				for _, cmd := range after {
					a = settleCmd(b, a, cmd)
				}
				listReady += time.Since(start)
				s.Close()
				b.StartTimer()
			}
			w.report(b)
			b.ReportMetric(float64(listReady.Nanoseconds())/float64(b.N)/1e6, "list-ready-ms")
		})
	}
}

// started is the app at its first screen on the notebook at path, with
// the store left open for the benchmark.
func started(b *testing.B, path string) app.App {
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	a := app.NewApp(benchCommon(s), screenOpeners)
	a = settle(b, a, tea.WindowSizeMsg{Width: 120, Height: 40})
	return settleCmd(b, a, a.Init())
}

func key(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return uitest.KeyRunes(s)
}

// press sends keys one by one, each settled.
func press(b *testing.B, a app.App, keys ...string) app.App {
	for _, k := range keys {
		a = settle(b, a, key(k))
	}
	return a
}

// BenchmarkScreens measures what the user waits for after a key. For
// "open=", from the key to the screen drawn with its data (every command
// the key starts run to the end): the list, a contact page, the bank and
// the prepare screen. For "key=", the key's Update and the next frame: the
// time the event loop is busy. Each reports its worst iteration.
func BenchmarkScreens(b *testing.B) {
	for _, n := range scaleSizes(b) {
		path := demoNotebook(b, n)
		home := started(b, path)
		list := press(b, home, "c")
		page := press(b, list, "enter")
		cases := []struct {
			name, want string
			from       app.App
			keys       []string
		}{
			{"open=list", "Contacts ·", home, []string{"c"}},
			{"open=contact", "Timeline", list, []string{"enter"}},
			{"open=bank", "Question bank", list, []string{"b"}},
			{"open=prepare", "Prepare", page, []string{"p"}},
			{"key=home-down", "What's next", home, []string{"down"}},
			{"key=list-down", "Contacts ·", list, []string{"down"}},
			{"key=list-filter", "Contacts ·", press(b, list, "/"), []string{"a"}},
			{"key=contact-down", "Timeline", page, []string{"down"}},
			{"open=back-home", "What's next", list, []string{"esc"}},
		}
		for _, tc := range cases {
			b.Run(fmt.Sprintf("contacts=%d/%s", n, tc.name), func(b *testing.B) {
				var w worst
				var v string
				for b.Loop() {
					w.time(func() {
						if strings.HasPrefix(tc.name, "open=") {
							v = press(b, tc.from, tc.keys...).View()
							return
						}
						// A key: Update and the frame after it. What it
						// starts runs in commands, off the event loop.
						m, _ := tc.from.Update(key(tc.keys[0]))
						v = m.View()
					})
				}
				if !strings.Contains(v, tc.want) {
					b.Fatalf("%s: the screen does not show %q:\n%s", tc.name, tc.want, v)
				}
				w.report(b)
			})
		}
	}
}
