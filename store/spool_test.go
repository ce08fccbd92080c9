package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/model"
)

func spoolNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSpoolThenOpenTakesItIn(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	var receipts []SpoolReceipt
	for _, name := range []string{"Ana", "Bo", "Cy"} {
		r, err := SpoolContact(db, model.Contact{Name: name, Stage: model.ToContact, Created: now}, now)
		if err != nil {
			t.Fatal(err)
		}
		receipts = append(receipts, r)
		now = now.Add(time.Second)
	}
	dir, _ := SpoolDir(db)
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("spool folder: %v, %v", info.Mode(), err)
	}
	if info, err := os.Stat(receipts[0].File); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("spool file: %v, %v", info.Mode(), err)
	}
	// A read never takes the spool in.
	ro, err := OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := ro.Contacts()
	ro.Close()
	if len(cs) != 0 || len(spoolNames(t, dir)) != 3 {
		t.Fatalf("a read-only open took the spool in: %d contacts", len(cs))
	}
	s, err = Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err = s.Contacts()
	if err != nil || len(cs) != 3 || cs[0].Name != "Ana" || cs[2].Name != "Cy" || cs[2].ID != 3 {
		t.Fatalf("taken in: %+v, %v", cs, err)
	}
	if left := spoolNames(t, dir); len(left) != 0 {
		t.Errorf("left in the spool: %v", left)
	}
}

// A crash after the commit and before the files are removed leaves them
// behind; taking them in again must not double the contacts.
func TestDrainIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	r, err := SpoolContact(db, model.Contact{Name: "Ana"}, now)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(r.File)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.DrainSpool(); err != nil || len(rep.Added) != 1 {
		t.Fatalf("first drain: %+v, %v", rep, err)
	}
	if err := os.WriteFile(r.File, data, 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := s.DrainSpool()
	if err != nil || len(rep.Added) != 0 || rep.Repeated != 1 {
		t.Fatalf("second drain: %+v, %v", rep, err)
	}
	if cs, _ := s.Contacts(); len(cs) != 1 {
		t.Errorf("%d contacts after a repeated drain", len(cs))
	}
	if _, err := os.Stat(r.File); !os.IsNotExist(err) {
		t.Errorf("the repeated file stayed: %v", err)
	}
}

func TestDrainSetsAsideWhatItCannotRead(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := SpoolContact(db, model.Contact{Name: "Ana"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	dir, _ := SpoolDir(db)
	bad := map[string]string{
		"1-bad.json":     `{"format":"parley-spool","id":`,
		"2-noname.json":  `{"format":"parley-spool","id":"0123456789abcdef0123456789abcdef","at":"2026-11-30T09:00:00Z","contact":{"name":" "}}`,
		"3-foreign.json": `{"format":"other","id":"0123456789abcdef0123456789abcdef","contact":{"name":"X"}}`,
		"4-extra.json":   `{"format":"parley-spool","id":"0123456789abcdef0123456789abcdef","contact":{"name":"X"},"sql":"drop"}`,
		".tmp-123":       "half written",
	}
	for name, text := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("/etc/passwd", filepath.Join(dir, "5-link.json"))
	rep, err := s.DrainSpool()
	if err != nil || len(rep.Added) != 1 || len(rep.Rejected) != 5 {
		t.Fatalf("drain: %+v, %v", rep, err)
	}
	for _, why := range rep.Rejected {
		if strings.Contains(why, "\n") {
			t.Errorf("not one line: %q", why)
		}
	}
	left := strings.Join(spoolNames(t, dir), " ")
	for _, want := range []string{"1-bad.json.rejected", "5-link.json.rejected", ".tmp-123"} {
		if !strings.Contains(left, want) {
			t.Errorf("spool holds %s; want %s", left, want)
		}
	}
	if rep, err := s.DrainSpool(); err != nil || len(rep.Rejected)+len(rep.Added) != 0 {
		t.Errorf("set-aside files read again: %+v, %v", rep, err)
	}
}

// waitFor fails the test if ch has not received (or closed) within a bound
// that only a broken watch reaches; it is no stand-in for a sleep.
func waitFor(t *testing.T, ch <-chan struct{}) (open bool) {
	t.Helper()
	select {
	case _, open = <-ch:
		return open
	case <-time.After(10 * time.Second):
		t.Fatal("the watch gave no signal")
		return false
	}
}

// A change `parley add` leaves while the notebook is held is signalled by
// the watch, which made the folder private first; the signal leads to it.
func TestWatchSpoolSignalsAnArrival(t *testing.T) {
	s, path := openTemp(t)
	arrived, err := s.WatchSpool()
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := SpoolDir(path)
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("spool folder: %v, %v; want a folder 0700", info, err)
	}
	if again, err := s.WatchSpool(); err != nil || again != arrived {
		t.Errorf("a second call: %v, %v; want the same watch", again, err)
	}
	for _, name := range []string{"Bo Chen", "Cy Diaz"} { // a burst: one signal or two
		c := sampleContact()
		c.Name = name
		if _, err := SpoolContact(path, c, t0); err != nil {
			t.Fatal(err)
		}
	}
	if !waitFor(t, arrived) {
		t.Fatal("the watch ended instead of signalling")
	}
	report, err := s.DrainSpool()
	if err != nil || len(report.Added) != 2 {
		t.Fatalf("drain after the signal: %+v, %v", report, err)
	}
}

// The watch ends, closing its channel, when the folder goes (its caller
// then checks on a timer) and when the notebook closes.
func TestWatchSpoolEnds(t *testing.T) {
	s, path := openTemp(t)
	arrived, err := s.WatchSpool()
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := SpoolDir(path)
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	for waitFor(t, arrived) {
		// a signal before the end is allowed; the end must come
	}

	s2, _ := openTemp(t)
	arrived2, err := s2.WatchSpool()
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	if waitFor(t, arrived2) {
		t.Error("a signal after Close, want the channel closed")
	}
	if _, err := s2.WatchSpool(); err == nil {
		t.Error("a watch was set on a closed notebook")
	}
}

// Something not a folder where the spool goes: no watch, and it is left
// as it was.
func TestWatchSpoolRefusesAFileInTheWay(t *testing.T) {
	s, path := openTemp(t)
	dir, _ := SpoolDir(path)
	if err := os.WriteFile(dir, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WatchSpool(); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Fatalf("err = %v, want 'not a folder'", err)
	}
	if data, err := os.ReadFile(dir); err != nil || string(data) != "mine" {
		t.Errorf("the file in the way was changed: %q, %v", data, err)
	}
}
