package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/model"
	"parley/store"
	"parley/ui/app"
	"parley/ui/uitest"
)

// signalLimit bounds the wait for the spool watch's signal: reached only
// if the watch is broken.
const signalLimit = 10 * time.Second

// spoolChecksSet counts the spool check timers waiting, by how soon they
// come.
func spoolChecksSet(d *uitest.Driver) map[time.Duration]int {
	n := map[time.Duration]int{}
	for _, p := range d.Pending {
		if p.D == app.SpoolCheckEvery(true) || p.D == app.SpoolCheckEvery(false) {
			n[p.D]++
		}
	}
	return n
}

// wantSpoolCheck fails the test unless the app waits for the watch (or,
// unwatched, does not) and has set exactly one spool check, of the kind
// that goes with that.
func wantSpoolCheck(t *testing.T, d *uitest.Driver, watched bool) {
	t.Helper()
	waits := 0
	if watched {
		waits = 1
	}
	if len(d.Waiting) != waits {
		t.Errorf("%d waits for the watch, want %d", len(d.Waiting), waits)
	}
	every := app.SpoolCheckEvery(watched)
	if got := spoolChecksSet(d); got[every] != 1 || len(got) != 1 {
		t.Errorf("spool checks set: %v; want one every %v", got, every)
	}
}

func spoolAna(t *testing.T, s *store.Store, clk *uitest.FakeClock) {
	t.Helper()
	if _, err := store.SpoolContact(s.Path(), model.Contact{Name: "Ana Ruiz", Organisation: "City Council",
		Stage: model.ToContact, Created: clk.Now()}, clk.Now()); err != nil {
		t.Fatal(err)
	}
}

// `parley add` in another terminal while the interface runs: the contact
// waits in the spool, the watch signals it, and the list shows it; no
// timer fires, and the only one set is the rare safety check.
func TestSpooledContactAppearsInTheRunningList(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(uitest.KeyRunes("c"))
	if strings.Contains(d.View(), "Ana Ruiz") {
		t.Fatal("listed before it was added")
	}
	wantSpoolCheck(t, d, true)
	spoolAna(t, s, clk)
	if n := d.Receive(signalLimit); n != 1 {
		t.Fatalf("%d waits for the watch, want 1", n)
	}
	v := d.View()
	if !strings.Contains(v, "Ana Ruiz") || !strings.Contains(v, "Added Ana Ruiz from the command line.") {
		t.Fatalf("the spooled contact is not shown:\n%s", v)
	}
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Fatalf("%d contacts in the notebook, want 1", len(cs))
	}
	wantSpoolCheck(t, d, true)
}

// The safety check takes in what the watch did not signal, and sets the
// next one; checks go on one at a time and say nothing when nothing came.
func TestSpoolSafetyCheckTakesInWhatTheWatchMissed(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(uitest.KeyRunes("c"))
	spoolAna(t, s, clk) // its signal is left unreceived: as if missed
	if n := d.Fire(app.IsSpoolTick); n != 1 {
		t.Fatalf("%d spool checks were waiting, want 1", n)
	}
	if v := d.View(); !strings.Contains(v, "Ana Ruiz") || !strings.Contains(v, "Added Ana Ruiz from the command line.") {
		t.Fatalf("the safety check did not take it in:\n%s", v)
	}
	if n := d.Fire(app.IsSpoolTick); n != 1 {
		t.Fatalf("%d spool checks after the first, want 1", n)
	}
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Errorf("%d contacts after a second check, want 1", len(cs))
	}
	wantSpoolCheck(t, d, true)
}

// Where the spool folder cannot be watched (here a file is in its way),
// it is checked every second, as before there was a watch.
func TestSpoolCheckedEverySecondWithoutAWatch(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	dir, err := store.SpoolDir(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d := uitest.NewDriver(t, c, 80, 24)
	wantSpoolCheck(t, d, false)
}

// A watch that ends (the folder was removed) leaves the every-second
// check, which takes in what `parley add` leaves in the folder it makes
// again; the safety check set before is dropped.
func TestSpoolWatchEndedFallsBackToEverySecond(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(uitest.KeyRunes("c"))
	dir, err := store.SpoolDir(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	for len(d.Waiting) > 0 { // a signal may come before the end
		d.Receive(signalLimit)
	}
	if got := spoolChecksSet(d); got[app.SpoolCheckEvery(false)] != 1 {
		t.Fatalf("spool checks set after the watch ended: %v; want one every second", got)
	}
	spoolAna(t, s, clk)
	if n := d.Fire(app.IsSpoolTick); n != 2 {
		t.Fatalf("%d spool timers fired, want 2 (the dropped safety check and the new one)", n)
	}
	if v := d.View(); !strings.Contains(v, "Ana Ruiz") {
		t.Fatalf("not taken in after the watch ended:\n%s", v)
	}
	wantSpoolCheck(t, d, false)
}

// A file in the spool that is not a change Parley wrote is set aside and
// named in the status line, once, however often the spool is checked.
func TestRejectedSpoolFileIsReported(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 100, 24)
	dir, err := store.SpoolDir(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "1-\x1b]0;evil\x07.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.Fire(app.IsSpoolTick)
	v := d.View()
	if !strings.Contains(v, "Could not take in 1 change from the command line") || strings.Contains(v, "\x1b]0;") {
		t.Fatalf("the rejected file is not reported, or not made safe:\n%q", v)
	}
	if _, err := os.Stat(filepath.Join(dir, "1-\x1b]0;evil\x07.json.rejected")); err != nil {
		t.Errorf("not set aside: %v", err)
	}
}

// What store.Open took in before the interface started is said once it
// runs, and is in the list without another read.
func TestSpoolTakenInAtOpenIsReported(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	path := s.Path()
	if _, err := store.SpoolContact(path, model.Contact{Name: "Bo Chen", Stage: model.ToContact, Created: clk.Now()}, clk.Now()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	reopened, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reopened.Close() })
	c.Store = reopened
	d := uitest.NewDriver(t, c, 80, 24)
	d.Send(uitest.KeyRunes("c"))
	if v := d.View(); !strings.Contains(v, "Bo Chen") || !strings.Contains(v, "Added Bo Chen from the command line.") {
		t.Fatalf("what the open took in is not shown:\n%s", v)
	}
}
