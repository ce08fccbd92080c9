package ui

import (
	"os"
	"path/filepath"
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

func demoNotebook(b *testing.B, n int) string {
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
// notebook, read what "What's next" shows, and draw it with its data.
func BenchmarkFirstScreen(b *testing.B) {
	for _, n := range scaleSizes(b) {
		b.Run("contacts="+strconv.Itoa(n), func(b *testing.B) {
			path := demoNotebook(b, n)
			var w worst
			for b.Loop() {
				w.time(func() {
					s, err := store.Open(path)
					if err != nil {
						b.Fatal(err)
					}
					a := app.NewApp(benchCommon(s), screenOpeners)
					a = settle(b, a, tea.WindowSizeMsg{Width: 100, Height: 30})
					a = settleCmd(b, a, a.Init())
					if v := a.View(); !strings.Contains(v, "What's next") || strings.Contains(v, "Opening") {
						b.Fatalf("first screen without its data:\n%s", v)
					}
					s.Close()
				})
			}
			w.report(b)
		})
	}
}
