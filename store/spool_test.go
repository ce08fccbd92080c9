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
