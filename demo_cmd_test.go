package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/store"
)

func TestDemoFillsANewNotebook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var out bytes.Buffer
	if err := run([]string{"demo", "--db", db, "--contacts", "300", "--seed", "4"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "300 contacts") {
		t.Errorf("output = %q", out.String())
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ov, err := s.Overview()
	if err != nil || len(ov.Contacts) != 300 || len(ov.Interviews) < 100 || len(ov.Interactions) < 300 {
		t.Fatalf("demo notebook: %d contacts, %d interviews, %d entries, %v",
			len(ov.Contacts), len(ov.Interviews), len(ov.Interactions), err)
	}
	referred := 0
	for _, c := range ov.Contacts {
		if c.ReferredBy != 0 {
			if _, err := s.Contact(c.ReferredBy); err != nil {
				t.Errorf("%s referred by a missing contact: %v", c.Name, err)
			}
			referred++
		}
	}
	if referred == 0 {
		t.Error("no referrals")
	}
}

func TestDemoRefusesAnExistingFileAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "mine.db")
	if err := os.WriteFile(existing, []byte("my notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"demo", "--db", existing},
		{"demo"},
		{"demo", "--db", filepath.Join(dir, "new.db"), "--contacts", "0"},
		{"demo", "--db", filepath.Join(dir, "new.db"), "extra"},
		{"demo", "--db", filepath.Join(dir, "new.db"), "--colour", "red"},
	} {
		var out bytes.Buffer
		if err := run(args, &out, &out); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
	if data, _ := os.ReadFile(existing); string(data) != "my notes" {
		t.Errorf("existing file changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}
