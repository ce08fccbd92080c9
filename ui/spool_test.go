package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/model"
	"parley/store"
	"parley/ui/app"
	"parley/ui/uitest"
)

// `parley add` in another terminal while the interface runs: the contact
// waits in the spool, the next check takes it in, and the list shows it.
func TestSpooledContactAppearsInTheRunningList(t *testing.T) {
	c, s, clk := uitest.NewTestCommon(t)
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(uitest.KeyRunes("c"))
	if strings.Contains(d.View(), "Ana Ruiz") {
		t.Fatal("listed before it was added")
	}
	if _, err := store.SpoolContact(s.Path(), model.Contact{Name: "Ana Ruiz", Organisation: "City Council",
		Stage: model.ToContact, Created: clk.Now()}, clk.Now()); err != nil {
		t.Fatal(err)
	}
	if n := d.Fire(app.IsSpoolTick); n != 1 {
		t.Fatalf("%d spool checks were waiting, want 1", n)
	}
	v := d.View()
	if !strings.Contains(v, "Ana Ruiz") || !strings.Contains(v, "Added Ana Ruiz from the command line.") {
		t.Fatalf("the spooled contact is not shown:\n%s", v)
	}
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Fatalf("%d contacts in the notebook, want 1", len(cs))
	}
	// The checks go on, one at a time; with nothing waiting they say nothing.
	if n := d.Fire(app.IsSpoolTick); n != 1 {
		t.Fatalf("%d spool checks after the first, want 1", n)
	}
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Errorf("%d contacts after a second check, want 1", len(cs))
	}
	if n := len(d.Pending); n == 0 {
		t.Error("no next check was set")
	}
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
